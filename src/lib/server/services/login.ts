import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { createSession, verifyPassword } from '../auth';
import { RateLimiter } from '../rate-limit';
import { limitKey } from '../client-address';
import { ServiceError } from './errors';
import { parseInput } from '../validation';
import { loginSchema } from '$lib/schemas/auth';

// Per address (an IPv6 /64 counts as one): bounds guessing across many accounts. Per account:
// bounds guessing one password from many addresses. Both answer with the same sentence, which
// never says whether the email exists.
const perIp = new RateLimiter(30, 10 * 60_000);
const perAccount = new RateLimiter(8, 15 * 60_000);

export const LOGIN_FAILED = 'Correo o contraseña incorrectos.';
export const LOGIN_LIMITED = 'Demasiados intentos. Espera unos minutos e inténtalo de nuevo.';

export async function login(db: Database, raw: unknown, meta: { ip: string; userAgent: string | null }) {
	const input = parseInput(loginSchema, raw);
	if (!perIp.hit(limitKey(meta.ip)) || perAccount.isBlocked(input.email)) throw new ServiceError(429, LOGIN_LIMITED);
	const [user] = await db.orm.select().from(users).where(eq(users.email, input.email));
	const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
	if (!user || !ok || !user.active) {
		perAccount.hit(input.email);
		throw new ServiceError(400, LOGIN_FAILED, { password: [LOGIN_FAILED] });
	}
	perAccount.reset(input.email);
	return createSession(db.orm, { id: user.id, orgId: user.orgId }, meta);
}

/** Test hook: forget counters between tests that exercise the limits. */
export function resetLoginLimits() {
	perIp.clear();
	perAccount.clear();
}
