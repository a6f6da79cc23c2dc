/**
 * Invitations and password-reset links: only the SHA-256 of a token is stored. `live` is computed
 * in SQL (unused, not revoked, not expired) so both drivers agree on the clock and the types.
 */
import type { RawRunner } from './client';
import type { Role } from '$lib/domain/stages';

type Runner = Pick<RawRunner, 'query'>;

export interface NewInvitation {
	orgId: string;
	name: string;
	role: Role;
	email: string | null;
	phone: string | null;
	tokenHash: string;
	expiresAt: Date;
	createdBy: string;
}

export async function insertInvitation(db: Runner, i: NewInvitation): Promise<string> {
	const [row] = await db.query<{ id: string }>(
		`insert into user_invitations (org_id, name, role, email, phone, token_hash, expires_at, created_by)
		 values ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8) returning id`,
		[i.orgId, i.name, i.role, i.email, i.phone, i.tokenHash, i.expiresAt.toISOString(), i.createdBy]
	);
	return row.id;
}

export interface InvitationRow {
	id: string;
	orgId: string;
	orgName: string;
	name: string;
	role: Role;
	email: string | null;
	phone: string | null;
	/** Epoch ms. */
	expiresAt: number;
	used: boolean;
	revoked: boolean;
	expired: boolean;
}

const INVITATION = `i.id, i.org_id as "orgId", o.name as "orgName", i.name, i.role, i.email, i.phone,
	(extract(epoch from i.expires_at) * 1000)::float8 as "expiresAt", i.accepted_at is not null as used,
	i.revoked_at is not null as revoked, i.expires_at <= now() as expired`;

/** `lock` holds the row until the transaction ends, so two submits of one link can't both create a user. */
export async function findInvitation(db: Runner, tokenHash: string, lock = false): Promise<InvitationRow | null> {
	const [row] = await db.query<InvitationRow>(
		`select ${INVITATION} from user_invitations i join organizations o on o.id = i.org_id
		  where i.token_hash = $1${lock ? ' for update of i' : ''}`,
		[tokenHash]
	);
	return row ?? null;
}

/** The invitations still waiting for their person (not used, not revoked, not expired). */
export async function pendingInvitations(db: Runner, orgId: string): Promise<InvitationRow[]> {
	return db.query<InvitationRow>(
		`select ${INVITATION} from user_invitations i join organizations o on o.id = i.org_id
		  where i.org_id = $1 and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
		  order by i.created_at desc`,
		[orgId]
	);
}

export async function markAccepted(db: Runner, id: string, userId: string): Promise<void> {
	await db.query('update user_invitations set accepted_at = now(), accepted_user_id = $2 where id = $1', [id, userId]);
}

/** Revokes a pending invitation of the organization; its name, or null when there was none to revoke. */
export async function revokeInvitation(db: Runner, orgId: string, id: string): Promise<string | null> {
	const [row] = await db.query<{ name: string }>(
		`update user_invitations set revoked_at = now()
		  where id = $1 and org_id = $2 and accepted_at is null and revoked_at is null and expires_at > now() returning name`,
		[id, orgId]
	);
	return row?.name ?? null;
}

export async function insertReset(db: Runner, r: { orgId: string; userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
	// A new link replaces the person's earlier unused ones.
	await db.query('update password_resets set used_at = now() where user_id = $1 and used_at is null', [r.userId]);
	await db.query(`insert into password_resets (org_id, user_id, token_hash, expires_at) values ($1, $2, $3, $4::timestamptz)`, [
		r.orgId,
		r.userId,
		r.tokenHash,
		r.expiresAt.toISOString()
	]);
}

export interface ResetRow {
	id: string;
	userId: string;
	used: boolean;
	expired: boolean;
}

export async function findReset(db: Runner, tokenHash: string, lock = false): Promise<ResetRow | null> {
	const [row] = await db.query<ResetRow>(
		`select id, user_id as "userId", used_at is not null as used, expires_at <= now() as expired
		   from password_resets where token_hash = $1${lock ? ' for update' : ''}`,
		[tokenHash]
	);
	return row ?? null;
}

export async function markResetUsed(db: Runner, id: string): Promise<void> {
	await db.query('update password_resets set used_at = now() where id = $1', [id]);
}
