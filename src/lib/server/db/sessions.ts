import { sql } from 'drizzle-orm';
import type { SessionUser } from '$lib/types/session';
import type { RawRunner } from './client';
import { run, type Executor } from './card-tx';

export interface NewSession {
	id: string;
	userId: string;
	orgId: string;
	expiresAt: Date;
	ip: string | null;
	userAgent: string | null;
}

export async function insert(db: Executor, s: NewSession): Promise<void> {
	await run(
		db,
		sql`insert into sessions (id, user_id, org_id, expires_at, ip, user_agent)
			values (${s.id}, ${s.userId}, ${s.orgId}, ${s.expiresAt.toISOString()}::timestamptz, ${s.ip}, ${s.userAgent})`
	);
}

/** A live session with its user and organization; `expiresAt` in epoch ms (the drivers disagree on timestamptz). */
export type SessionRow = SessionUser & { expiresAt: number };

/**
 * Every request and socket asks this, so it is one hand-written statement (one exchange with the
 * embedded database, where each of an ORM query's round trips crosses into WebAssembly).
 */
export async function findLive(db: Pick<RawRunner, 'query'>, id: string): Promise<SessionRow | null> {
	const [row] = await db.query<SessionRow>(
		`select (extract(epoch from s.expires_at) * 1000)::float8 as "expiresAt", u.id, u.org_id as "orgId", o.name as "orgName", o.time_zone as "timeZone",
		        u.email, u.name, u.role, u.locale, u.color, u.must_change_password as "mustChangePassword"
		   from sessions s
		   join users u on u.id = s.user_id
		   join organizations o on o.id = u.org_id
		  where s.id = $1 and s.expires_at > now() and u.active`,
		[id]
	);
	return row ?? null;
}

export async function extend(db: Pick<RawRunner, 'query'>, id: string, expiresAt: Date): Promise<void> {
	await db.query('update sessions set expires_at = $2::timestamptz where id = $1', [id, expiresAt.toISOString()]);
}

export async function remove(db: Executor, id: string): Promise<void> {
	await run(db, sql`delete from sessions where id = ${id}`);
}

export async function removeForUser(db: Executor, userId: string): Promise<void> {
	await run(db, sql`delete from sessions where user_id = ${userId}`);
}

/** Ends every session of the user but one (the one that just changed the password). */
export async function removeOthersForUser(db: Executor, userId: string, keepId: string): Promise<void> {
	await run(db, sql`delete from sessions where user_id = ${userId} and id <> ${keepId}`);
}
