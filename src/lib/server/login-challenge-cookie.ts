import { CHALLENGE_TTL_MS } from './services/login-second-step';

/** Holds the sealed «password was right» proof between the two steps of a sign-in with two-factor. */
export const CHALLENGE_COOKIE = 'acceso_2fa';

export function challengeCookieOptions(secure: boolean) {
	return { path: '/login', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: CHALLENGE_TTL_MS / 1000 };
}
