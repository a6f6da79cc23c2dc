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
const perIp = new LoginThrottle({ free: 30, baseMs: MIN, maxMs: 60 * MIN });
const perPair = new LoginThrottle({ free: 5, baseMs: MIN, maxMs: 30 * MIN });
const perAccount = new LoginThrottle({ free: 10, baseMs: MIN, maxMs: 15 * MIN });
const perDevice = new LoginThrottle({ free: 10, baseMs: MIN, maxMs: 30 * MIN });

export const LOGIN_FAILED = 'Correo o contraseña incorrectos.';
export const LOGIN_LIMITED = 'Demasiados intentos.';

/** «Demasiados intentos. Espera 4 minutos e inténtalo de nuevo.» */
export function limitedMessage(retryMs: number): string {
	const minutes = Math.max(1, Math.ceil(retryMs / MIN));
	const wait = minutes === 1 ? '1 minuto' : `${minutes} minutos`;
	return `${LOGIN_LIMITED} Espera ${wait} e inténtalo de nuevo.`;
}

export interface LoginMeta {
	ip: string;
	userAgent: string | null;
	/** The device cookie the browser sent, if any. */
	device?: string | null;
}

export async function login(db: Database, raw: unknown, meta: LoginMeta) {
	const input = parseInput(loginSchema, raw);
	const ip = limitKey(meta.ip);
	const device = await trustedDevice(db, meta.device, input.email);
	const keys = device
		? [[perDevice, device] as const]
		: [[perIp, ip] as const, [perPair, `${input.email}|${ip}`] as const, [perAccount, input.email] as const];
	const retryMs = Math.max(...keys.map(([throttle, key]) => throttle.retryIn(key)));
	if (retryMs > 0) throw new ServiceError(429, limitedMessage(retryMs));

	const user = await users.forLogin(db, input.email);
	const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
	if (!user || !ok || !user.active) {
		perIp.fail(ip);
		if (device) perDevice.fail(device);
		else {
			perPair.fail(`${input.email}|${ip}`);
			perAccount.fail(input.email);
		}
		await loginFailures.record(db, { email: input.email, ip, userAgent: meta.userAgent });
		await recordLoginFailure(db, input.email, meta.ip);
		throw new ServiceError(400, LOGIN_FAILED, { password: [LOGIN_FAILED] });
	}
	perPair.reset(`${input.email}|${ip}`);
	if (device) perDevice.reset(device);
	const session = await createSession(db, { id: user.id, orgId: user.orgId }, meta);
	await recordAudit(db, { id: user.id, orgId: user.orgId, name: user.name, ip: meta.ip }, { kind: 'login' });
	return { ...session, device: await deviceCookieFor(db, meta.device, input.email) };
}

/** Test hook: forget counters between tests that exercise the limits. */
export function resetLoginLimits() {
	for (const throttle of [perIp, perPair, perAccount, perDevice]) throttle.clear();
}
