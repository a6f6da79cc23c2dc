/** TOTP secrets (sealed; this module never sees them open) and recovery codes (SHA-256 only). */
import type { RawRunner } from './client';

type Runner = Pick<RawRunner, 'query'>;

export interface TotpRow {
	sealedSecret: string | null;
	enabled: boolean;
	lastStep: number | null;
}

export async function totpOf(db: Runner, userId: string, lock = false): Promise<TotpRow | null> {
	const [row] = await db.query<TotpRow>(
		`select totp_secret as "sealedSecret", totp_enabled_at is not null as enabled, totp_last_step::float8 as "lastStep"
		   from users where id = $1${lock ? ' for update' : ''}`,
		[userId]
	);
	return row ?? null;
}

/** Starts (or restarts) an enrolment: the secret waits for its first code, two-factor still off. */
export async function setPending(db: Runner, userId: string, sealedSecret: string): Promise<void> {
	await db.query('update users set totp_secret = $2, totp_enabled_at = null, totp_last_step = null where id = $1', [userId, sealedSecret]);
}

export async function enable(db: Runner, userId: string, step: number): Promise<void> {
	await db.query('update users set totp_enabled_at = now(), totp_last_step = $2 where id = $1', [userId, step]);
}

/** Records the step of an accepted code; false when that step (or a later one) was already used. */
export async function useStep(db: Runner, userId: string, step: number): Promise<boolean> {
	const rows = await db.query(
		'update users set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2) returning id',
		[userId, step]
	);
	return rows.length > 0;
}

export async function disable(db: Runner, userId: string): Promise<void> {
	await db.query('update users set totp_secret = null, totp_enabled_at = null, totp_last_step = null where id = $1', [userId]);
	await db.query('delete from recovery_codes where user_id = $1', [userId]);
}

export async function replaceRecoveryCodes(db: Runner, userId: string, hashes: string[]): Promise<void> {
	await db.query('delete from recovery_codes where user_id = $1', [userId]);
	for (const hash of hashes) await db.query('insert into recovery_codes (user_id, code_hash) values ($1, $2)', [userId, hash]);
}

/** Spends one unused recovery code; false when it isn't one of the user's, or was used. */
export async function useRecoveryCode(db: Runner, userId: string, hash: string): Promise<boolean> {
	const rows = await db.query(
		'update recovery_codes set used_at = now() where user_id = $1 and code_hash = $2 and used_at is null returning id',
		[userId, hash]
	);
	return rows.length > 0;
}

export async function unusedRecoveryCodes(db: Runner, userId: string): Promise<number> {
	const [row] = await db.query<{ n: number }>('select count(*)::int as n from recovery_codes where user_id = $1 and used_at is null', [
		userId
	]);
	return row?.n ?? 0;
}
