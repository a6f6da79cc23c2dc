import type { RawRunner } from './client';

type Runner = Pick<RawRunner, 'query'>;

/** A display token as the admin's list shows it (never its hash). */
export interface DisplayRow {
	id: string;
	name: string;
	createdAt: string;
	lastSeenAt: string | null;
	revokedAt: string | null;
}

/** Active displays first, newest first. */
export async function list(db: Runner, orgId: string): Promise<DisplayRow[]> {
	return db.query<DisplayRow>(
		`select id, name, created_at::text as "createdAt", last_seen_at::text as "lastSeenAt", revoked_at::text as "revokedAt"
		 from display_tokens where org_id = $1 order by revoked_at is not null, created_at desc`,
		[orgId]
	);
}

export async function insert(db: Runner, d: { orgId: string; name: string; tokenHash: string; createdBy: string }): Promise<string> {
	const [row] = await db.query<{ id: string }>(
		'insert into display_tokens (org_id, name, token_hash, created_by) values ($1, $2, $3, $4) returning id',
		[d.orgId, d.name, d.tokenHash, d.createdBy]
	);
	return row.id;
}

/** Revoking twice keeps the first date; false when the display is not the provider's. */
/** The display's name, or null when it is not the organization's. */
export async function revoke(db: Runner, orgId: string, id: string): Promise<string | null> {
	const rows = await db.query<{ name: string }>(
		'update display_tokens set revoked_at = coalesce(revoked_at, now()) where id = $1 and org_id = $2 returning name',
		[id, orgId]
	);
	return rows[0]?.name ?? null;
}

/** A token resolved to its provider, revoked or not. */
export interface TokenRow {
	tokenId: string;
	orgId: string;
	orgName: string;
	timeZone: string;
	name: string;
	revoked: boolean;
}

export async function byTokenHash(db: Runner, tokenHash: string): Promise<TokenRow | null> {
	const [row] = await db.query<TokenRow>(
		`select d.id as "tokenId", d.org_id as "orgId", o.name as "orgName", o.time_zone as "timeZone", d.name,
			(d.revoked_at is not null) as revoked
		 from display_tokens d join organizations o on o.id = d.org_id where d.token_hash = $1`,
		[tokenHash]
	);
	return row ?? null;
}

export async function isActive(db: Runner, tokenId: string): Promise<boolean> {
	const [row] = await db.query<{ ok: boolean }>('select (revoked_at is null) as ok from display_tokens where id = $1', [tokenId]);
	return !!row?.ok;
}

export async function touch(db: Runner, tokenId: string): Promise<void> {
	// At most once a minute: a TV that reconnects often must not hammer the table.
	await db.query(
		`update display_tokens set last_seen_at = now() where id = $1 and (last_seen_at is null or last_seen_at < now() - interval '1 minute')`,
		[tokenId]
	);
}
