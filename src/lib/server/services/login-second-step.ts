import type { Database } from '../db';
import * as users from '../db/users';
import { createSession } from '../auth';
import { LoginThrottle } from '../login-throttle';
import { deviceCookieFor } from '../device-cookie';
import { open, seal } from '../secret-box';
import { ServiceError } from './errors';
import { parseInput } from '../validation';
import { twoFactorCodeSchema } from '$lib/schemas/account';
import { recordAudit } from './audit';
import { spendSecondFactor, WRONG_CODE } from './two-factor';

export interface LoginMeta {
	ip: string;
	userAgent: string | null;
	/** The device cookie the browser sent, if any. */
	device?: string | null;
}

const MIN = 60_000;
/** How long the password step stays good for while the person finds their phone. */
export const CHALLENGE_TTL_MS = 10 * MIN;
const PURPOSE = 'login-challenge';
// Six digits are guessable by volume: the account gets growing lockouts, like passwords.
const perAccount = new LoginThrottle('login-code', { free: 5, baseMs: MIN, maxMs: 60 * MIN });

export const CHALLENGE_EXPIRED = 'Pasó demasiado tiempo. Vuelve a escribir tu correo y contraseña.';

/** After a right password, what the browser holds (sealed, so it can't be forged or read) until the code. */
export function challengeFor(userId: string, email: string, now = Date.now()): string {
	return seal(JSON.stringify({ u: userId, e: email, x: now + CHALLENGE_TTL_MS }), PURPOSE);
}

function readChallenge(challenge: string | null | undefined, now = Date.now()): { userId: string; email: string } | null {
	if (!challenge || challenge.length > 500) return null;
	try {
		const { u, e, x } = JSON.parse(open(challenge, PURPOSE)) as { u: string; e: string; x: number };
		return typeof u === 'string' && typeof e === 'string' && typeof x === 'number' && x > now ? { userId: u, email: e } : null;
	} catch {
		return null;
	}
}

/** Whether the browser is in the middle of a sign-in (the code page shows only then). */
export const challengeIsLive = (challenge: string | null | undefined): boolean => readChallenge(challenge) !== null;

/** The second step: a code from the app or a recovery code opens the session. */
export async function completeLogin(db: Database, challenge: string | null | undefined, raw: unknown, meta: LoginMeta) {
	const who = readChallenge(challenge);
	if (!who) throw new ServiceError(401, CHALLENGE_EXPIRED);
	const { code } = parseInput(twoFactorCodeSchema, raw);
	const wait = await perAccount.retryIn(db, who.userId);
	if (wait > 0) throw new ServiceError(429, `Demasiados intentos. Espera ${Math.ceil(wait / MIN)} min e inténtalo de nuevo.`);
	const user = await users.forLogin(db, who.email);
	if (!user || user.id !== who.userId || !user.active) throw new ServiceError(401, CHALLENGE_EXPIRED);
	const actor = { id: user.id, orgId: user.orgId, name: user.name, ip: meta.ip };
	const session = await db.begin(async (tx) => {
		if (!(await spendSecondFactor(tx, actor, code))) return null;
		const s = await createSession(tx, { id: user.id, orgId: user.orgId }, meta);
		await recordAudit(tx, actor, { kind: 'login' });
		return s;
	});
	if (!session) {
		await perAccount.fail(db, user.id);
		await recordAudit(db, actor, { kind: 'two_factor_failed', target: who.email });
		throw new ServiceError(400, WRONG_CODE, { code: [WRONG_CODE] });
	}
	await perAccount.reset(db, user.id);
	return { ...session, device: await deviceCookieFor(db, meta.device, who.email) };
}

/** Test hook: forget the counters between tests. */
export function resetSecondStepLimits(db?: Database): Promise<void> {
	return perAccount.clear(db);
}
