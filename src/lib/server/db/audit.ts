import type { RawRunner } from './client';
import type { AuditEntry } from '$lib/types/audit';

type Runner = Pick<RawRunner, 'query'>;

export interface AuditInsert {
	orgId: string;
	userId: string | null;
	userName: string | null;
	kind: string;
	target: string | null;
	details: Record<string, unknown>;
	ip: string | null;
}

/** Appends one row. The log has no update or delete statement anywhere in the app. */
export async function append(db: Runner, row: AuditInsert): Promise<void> {
	await db.query(
		`insert into audit_log (org_id, user_id, user_name, kind, target, details, ip)
		 values ($1, $2, $3, $4, $5, $6::text::jsonb, $7)`,
		[row.orgId, row.userId, row.userName, row.kind, row.target, JSON.stringify(row.details), row.ip]
	);
}

/**
 * A failed sign-in is the account's, when the email is one: the same statement runs for an
 * unknown email (and inserts nothing), as `login_failures.record` does.
 */
export async function appendLoginFailure(db: Runner, row: { email: string; ip: string | null }): Promise<void> {
	await db.query(
		`insert into audit_log (org_id, user_id, user_name, kind, target, details, ip)
		 select org_id, id, name, 'login_failed', email, '{}'::jsonb, $2 from users where lower(email) = $1`,
		[row.email, row.ip]
	);
}

export interface AuditQuery {
	kind: string | null;
	userId: string | null;
	/** Civil dates in the organisation's time zone, both included. */
	from: string | null;
	to: string | null;
	timeZone: string;
	limit: number;
}

/** Newest first. */
export async function list(db: Runner, orgId: string, q: AuditQuery): Promise<AuditEntry[]> {
	return db.query<AuditEntry>(
		`select id::int as id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, kind,
		        user_id as "userId", user_name as "userName", target, details, ip
		   from audit_log
		  where org_id = $1
		    and ($2::text is null or kind = $2)
		    and ($3::uuid is null or user_id = $3)
		    and ($4::date is null or created_at >= ($4::date)::timestamp at time zone $6)
		    and ($5::date is null or created_at < ($5::date + 1)::timestamp at time zone $6)
		  order by id desc
		  limit $7`,
		[orgId, q.kind, q.userId, q.from, q.to, q.timeZone, q.limit]
	);
}

/** The organisation's users, for the filter. */
export async function people(db: Runner, orgId: string): Promise<{ id: string; name: string }[]> {
	return db.query<{ id: string; name: string }>(`select id, name from users where org_id = $1 order by name`, [orgId]);
}
