import type { Database } from '../db';
import * as users from '../db/users';
import * as loginFailures from '../db/login-failures';
import { createSession, verifyPassword } from '../auth';
import { LoginThrottle } from '../login-throttle';
import { limitKey } from '../client-address';
import { deviceCookieFor, trustedDevice } from '../device-cookie';
import { ServiceError } from './errors';
import { parseInput } from '../validation';
import { loginSchema } from '$lib/schemas/auth';
import { recordAudit, recordLoginFailure } from './audit';
import { coded, type Coded } from '$lib/domain/coded';
import { translate } from '$lib/i18n/translate';
import { challengeFor, type LoginMeta } from './login-second-step';

const MIN = 60_000;
// Failures only, each throttle with growing lockouts (OWASP's guidance instead of a hard account
// lock that anyone could trigger):
// - per address (an IPv6 /64 counts as one): bounds guessing across many accounts;
// - per account and address: the usual case of one client guessing one password;
// - per account, only for clients without a device cookie for it: bounds guessing one password
//   from many addresses, without locking out the owner on a browser they have signed in from;
// - per device cookie: bounds guessing with a copied cookie.
// A client with this account's device cookie skips the address limits too: a colleague behind the
// same office NAT may be the one failing. Every refusal says the same, known email or not.
// The counts live with the database (login-throttle.ts), so every instance shares them.
const perIp = new LoginThrottle('login-ip', { free: 30, baseMs: MIN, maxMs: 60 * MIN });
const perPair = new LoginThrottle('login-pair', { free: 5, baseMs: MIN, maxMs: 30 * MIN });
const perAccount = new LoginThrottle('login-account', { free: 10, baseMs: MIN, maxMs: 15 * MIN });
const perDevice = new LoginThrottle('login-device', { free: 10, baseMs: MIN, maxMs: 30 * MIN });

export const LOGIN_FAILED = 'Correo o contraseña incorrectos.';
export const LOGIN_LIMITED = 'Demasiados intentos.';

/** «Demasiados intentos. Espera 4 minutos e inténtalo de nuevo.» */
export function limitedMessage(retryMs: number): string {
	return translate(limitedCode(retryMs), 'es');
}

/** The same, as a message code for the reader's language. */
export function limitedCode(retryMs: number): Coded {
	const minutes = Math.max(1, Math.ceil(retryMs / MIN));
	return minutes === 1 ? coded('auth.rate_limited_one') : coded('auth.rate_limited_many', { minutes });
}

/** The password was right and the account has two-factor on: the code step comes next (not a refusal). */
export class SecondStepRequired extends Error {
	constructor(readonly challenge: string) {
		super('Falta el código de verificación.');
	}
}

export type { LoginMeta };

export async function login(db: Database, raw: unknown, meta: LoginMeta) {
	const input = parseInput(loginSchema, raw);
	const ip = limitKey(meta.ip);
	const device = await trustedDevice(db, meta.device, input.email);
	const keys = device
		? [[perDevice, device] as const]
		: [[perIp, ip] as const, [perPair, `${input.email}|${ip}`] as const, [perAccount, input.email] as const];
	const retryMs = Math.max(...(await Promise.all(keys.map(([throttle, key]) => throttle.retryIn(db, key)))));
	if (retryMs > 0) throw new ServiceError(429, limitedCode(retryMs));

	const user = await users.forLogin(db, input.email);
	const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
	if (!user || !ok || !user.active) {
		await Promise.all(
			device
				? [perIp.fail(db, ip), perDevice.fail(db, device)]
				: [perIp.fail(db, ip), perPair.fail(db, `${input.email}|${ip}`), perAccount.fail(db, input.email)]
		);
		await loginFailures.record(db, { email: input.email, ip, userAgent: meta.userAgent });
		await recordLoginFailure(db, input.email, meta.ip);
		throw new ServiceError(400, coded('auth.invalid'), { password: [LOGIN_FAILED] });
	}
	await perPair.reset(db, `${input.email}|${ip}`);
	if (device) await perDevice.reset(db, device);
	// With two-factor on, the right password only opens the code step (login-second-step.ts).
	if (user.totp) throw new SecondStepRequired(challengeFor(user.id, input.email));
	const session = await createSession(db, { id: user.id, orgId: user.orgId }, meta);
	await recordAudit(db, { id: user.id, orgId: user.orgId, name: user.name, ip: meta.ip }, { kind: 'login' });
	return { ...session, device: await deviceCookieFor(db, meta.device, input.email) };
}

/** Test hook: forget counters between tests that exercise the limits (on `db`, or on every database). */
export async function resetLoginLimits(db?: Database): Promise<void> {
	await Promise.all([perIp, perPair, perAccount, perDevice].map((throttle) => throttle.clear(db)));
}
