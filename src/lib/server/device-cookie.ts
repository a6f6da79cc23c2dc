import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from './db';
import * as appSecrets from './db/app-secrets';

/**
 * Device cookies (OWASP's answer to lockouts used as a denial of service): after a successful
 * sign-in the browser keeps, per account, `email.nonce.mac` with mac = HMAC-SHA256 of the email
 * and nonce under a server secret. A later sign-in to that account presenting it is from a client
 * that has signed in before, so failures from other clients do not lock it out. The cookie proves
 * nothing about the password: it only changes which throttle applies.
 */
export const DEVICE_COOKIE = 'dispositivo';
const MAX_ACCOUNTS = 5;
const YEAR = 365 * 24 * 60 * 60 * 1000;

// The app has no configured secret, so it makes one and keeps it in the database: every instance
// then signs and verifies with the same key, and it survives restarts.
const secrets = new WeakMap<Database, Promise<Buffer>>();
function secretOf(db: Database): Promise<Buffer> {
	let secret = secrets.get(db);
	if (!secret) {
		secret = appSecrets
			.getOrCreate(db, 'device_cookie', () => randomBytes(32).toString('base64url'))
			.then((s) => Buffer.from(s, 'base64url'));
		secret.catch(() => secrets.delete(db));
		secrets.set(db, secret);
	}
	return secret;
}

const mac = (key: Buffer, email: string, nonce: string) => createHmac('sha256', key).update(`device:${email}:${nonce}`).digest('base64url');

function entries(cookie: string | null | undefined): { email: string; nonce: string; mac: string }[] {
	if (!cookie || cookie.length > 2000) return [];
	return cookie.split('~').flatMap((entry) => {
		const [email64, nonce, sig] = entry.split('.');
		if (!email64 || !nonce || !sig) return [];
		return [{ email: Buffer.from(email64, 'base64url').toString('utf8'), nonce, mac: sig }];
	});
}

/** The nonce of this email's valid entry in the cookie, or null: the client is then untrusted. */
export async function trustedDevice(db: Database, cookie: string | null | undefined, email: string): Promise<string | null> {
	const entry = entries(cookie).find((e) => e.email === email);
	if (!entry) return null;
	const want = Buffer.from(mac(await secretOf(db), entry.email, entry.nonce));
	const got = Buffer.from(entry.mac);
	return want.length === got.length && timingSafeEqual(want, got) ? entry.nonce : null;
}

/** The cookie value after a successful sign-in: this account's fresh entry first, a few others kept. */
export async function deviceCookieFor(db: Database, cookie: string | null | undefined, email: string): Promise<string> {
	const nonce = randomBytes(16).toString('base64url');
	const own = `${Buffer.from(email).toString('base64url')}.${nonce}.${mac(await secretOf(db), email, nonce)}`;
	const others = (cookie ?? '')
		.split('~')
		.filter((e) => e && entries(e)[0] && entries(e)[0].email !== email)
		.slice(0, MAX_ACCOUNTS - 1);
	return [own, ...others].join('~');
}

export function deviceCookieOptions(secure: boolean) {
	// Only the login page reads it, so no other request carries it.
	return { path: '/login', httpOnly: true, sameSite: 'lax' as const, secure, expires: new Date(Date.now() + YEAR) };
}
