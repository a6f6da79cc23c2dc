import type { Database } from '../db';
import * as passwords from '../db/passwords';
import * as sessions from '../db/sessions';
import { hashPassword, invalidateUserSessions, verifyPassword, type SessionUser } from '../auth';
import { checkStrength } from '../password-strength';
import { LoginThrottle } from '../login-throttle';
import { forbidden, notFound, ServiceError } from './errors';
import { parseInput } from '../validation';
import { changePasswordSchema, idSchema } from '$lib/schemas/account';
import { domainEvents } from '../events';
import { recordAudit } from './audit';

const MIN = 60_000;
// Guessing the current password from a stolen session is guessing a password: same growing lockouts.
const perUser = new LoginThrottle('password-change', { free: 5, baseMs: MIN, maxMs: 30 * MIN });

export const WRONG_CURRENT = 'Tu contraseña actual no es correcta.';

/** Refuses a guessable password with zxcvbn's advice, in the reader's language. */
export function requireStrong(password: string, personal: string[], locale: string | undefined, field = 'password'): void {
	const verdict = checkStrength(password, personal, locale);
	if (!verdict.ok) throw new ServiceError(400, verdict.message, { [field]: [verdict.message] });
}

/**
 * The signed-in person picks a new password. Their other sessions end (and their sockets with
 * them); the one that made the change stays open. A temporary password stops being temporary.
 */
export async function changePassword(db: Database, actor: SessionUser, sessionId: string, raw: unknown): Promise<void> {
	const input = parseInput(changePasswordSchema, raw);
	const wait = await perUser.retryIn(db, actor.id);
	if (wait > 0) throw new ServiceError(429, `Demasiados intentos. Espera ${Math.ceil(wait / MIN)} min e inténtalo de nuevo.`);
	const row = await passwords.byId(db, actor.id);
	if (!row) throw notFound();
	if (!(await verifyPassword(row.passwordHash, input.current))) {
		await perUser.fail(db, actor.id);
		throw new ServiceError(400, WRONG_CURRENT, { current: [WRONG_CURRENT] });
	}
	if (input.password === input.current) {
		const same = 'La nueva contraseña debe ser distinta de la actual.';
		throw new ServiceError(400, same, { password: [same] });
	}
	requireStrong(input.password, [row.name, row.email, actor.orgName], actor.locale);
	await perUser.reset(db, actor.id);
	const hash = await hashPassword(input.password);
	await db.begin(async (tx) => {
		await passwords.setPassword(tx, actor.id, hash, false);
		await sessions.removeOthersForUser(tx, actor.id, sessionId);
		await recordAudit(tx, actor, { kind: 'password_changed', target: row.name });
	});
	domainEvents.emit('user:sessions-revoked', { userId: actor.id, keepSessionId: sessionId });
}

// No 0/o, 1/l/i: the admin reads it aloud or types it into a message.
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Three groups of four (about 59 bits): `kq7m-x3fp-92hd`. */
export function temporaryPassword(): string {
	const out: string[] = [];
	const bytes = new Uint8Array(12);
	crypto.getRandomValues(bytes);
	for (let i = 0; i < 12; i++) {
		if (i > 0 && i % 4 === 0) out.push('-');
		// 256 % 31 leaves a bias under 1 %, far below what a temporary password needs to worry about.
		out.push(TEMP_ALPHABET[bytes[i] % TEMP_ALPHABET.length]);
	}
	return out.join('');
}

/**
 * An admin gives someone a new temporary password (shown once to the admin). Every session of
 * that person ends and their open sockets are disconnected; they must pick their own password at
 * their next sign-in. Two-factor stays as it is: a reset password alone does not open the account.
 */
export async function resetUserPassword(db: Database, actor: SessionUser, raw: unknown): Promise<{ name: string; password: string }> {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede restablecer contraseñas.');
	const { id } = parseInput(idSchema, raw);
	if (id === actor.id) throw new ServiceError(422, 'Para cambiar tu propia contraseña usa «Mi cuenta».');
	const password = temporaryPassword();
	const hash = await hashPassword(password);
	const name = await db.begin(async (tx) => {
		const row = await passwords.lockInOrg(tx, actor.orgId, id);
		if (!row) throw notFound('Ese usuario no existe en tu organización.');
		await passwords.setPassword(tx, id, hash, true);
		await invalidateUserSessions(tx, id);
		await recordAudit(tx, actor, { kind: 'password_reset_by_admin', target: row.name });
		return row.name;
	});
	domainEvents.emit('user:sessions-revoked', { userId: id });
	return { name, password };
}

/** Test hook: forget the counters between tests. */
export function resetPasswordLimits(db?: Database): Promise<void> {
	return perUser.clear(db);
}
