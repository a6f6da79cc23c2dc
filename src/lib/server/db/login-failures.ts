import type { RawRunner } from './client';

export interface LoginFailure {
	id: number;
	at: string;
	ip: string;
	userAgent: string | null;
}

/**
 * Records a failed sign-in for the account with this email, if there is one. The same single
 * statement runs for an unknown email (and inserts nothing), so the database work does not tell
 * an attacker which emails exist.
 */
export async function record(db: RawRunner, row: { email: string; ip: string; userAgent: string | null }): Promise<void> {
	await db.query(
		`insert into login_failures (user_id, org_id, ip, user_agent)
		 select id, org_id, $2, $3 from users where lower(email) = $1`,
		[row.email, row.ip, row.userAgent?.slice(0, 160) ?? null]
	);
}

/** The newest failures the owner has not dismissed, and how many there are in all. */
export async function pending(db: RawRunner, userId: string, limit = 10): Promise<{ total: number; recent: LoginFailure[] }> {
	const rows = await db.query<LoginFailure & { total: number }>(
		`select id::int as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, ip, user_agent as "userAgent",
		        (count(*) over ())::int as total
		   from login_failures where user_id = $1 and dismissed_at is null
		  order by id desc limit $2`,
		[userId, limit]
	);
	return { total: rows[0]?.total ?? 0, recent: rows.map(({ total: _, ...r }) => r) };
}

/** Dismisses the failures up to the one the owner saw; later ones stay to be seen. */
export async function dismiss(db: RawRunner, userId: string, upToId: number): Promise<number> {
	const rows = await db.query<{ id: number }>(
		`update login_failures set dismissed_at = now() where user_id = $1 and dismissed_at is null and id <= $2 returning id`,
		[userId, upToId]
	);
	return rows.length;
}
