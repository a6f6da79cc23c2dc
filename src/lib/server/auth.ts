import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { hash, verify } from '@node-rs/argon2';
import type { Database } from './db';
import type { Executor } from './db/card-tx';
import * as sessions from './db/sessions';

// Sessions follow Lucia's current guide: random token in the cookie, only its SHA-256 in the
// database, sliding expiry.
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL = 30 * DAY;
const RENEW_WITHIN = 15 * DAY;
export const SESSION_COOKIE = 'session';
/** What every request and socket of a user with a temporary password hears, but «Mi cuenta». */
export const MUST_CHANGE_PASSWORD = 'Cambia tu contraseña temporal en «Mi cuenta» antes de continuar.';

import type { SessionUser } from '$lib/types/session';
export type { SessionUser };

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

const ARGON = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON);
}

// Verifying against a fixed hash when the account doesn't exist keeps the timing alike,
// so the response doesn't reveal which emails are registered.
let dummyHash: Promise<string> | null = null;
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
	if (!passwordHash) {
		dummyHash ??= hashPassword('contraseña-de-relleno');
		await verify(await dummyHash, password).catch(() => false);
		return false;
	}
	return verify(passwordHash, password).catch(() => false);
}

export async function createSession(
	db: Executor,
	user: { id: string; orgId: string },
	meta: { ip?: string | null; userAgent?: string | null } = {}
): Promise<{ token: string; session: Session }> {
	const token = generateToken();
	const session: Session = { id: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + SESSION_TTL) };
	await sessions.insert(db, {
		id: session.id,
		userId: user.id,
		orgId: user.orgId,
		expiresAt: session.expiresAt,
		ip: meta.ip ?? null,
		userAgent: meta.userAgent?.slice(0, 300) ?? null
	});
	return { token, session };
}

/** Returns the session and its user, or null when unknown, expired or the user is inactive. */
export async function validateSessionToken(
	db: Pick<Database, 'query'>,
	token: string
): Promise<{ session: Session; user: SessionUser } | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const id = hashToken(token);
	const row = await sessions.findLive(db, id);
	if (!row) return null;
	const session: Session = { id, userId: row.id, expiresAt: new Date(row.expiresAt) };
	if (session.expiresAt.getTime() - Date.now() < RENEW_WITHIN) {
		session.expiresAt = new Date(Date.now() + SESSION_TTL);
		await sessions.extend(db, id, session.expiresAt);
	}
	const { expiresAt: _, ...user } = row;
	return { session, user };
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await sessions.remove(db, sessionId);
}

export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
	await sessions.removeForUser(db, userId);
}

export function sessionCookieOptions(secure: boolean, expires: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, expires };
}
