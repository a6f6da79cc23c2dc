/**
 * Claims on the call queue (call_claims): «Siguiente» takes the next lead for one agent until the
 * claim expires, the agent records a call on it or lets it go («Soltar»).
 */
import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, run, type Executor } from './card-tx';
import { QUEUE_ORDER, reasonOf, type QueueWindow } from './call-queue';

/**
 * Takes the first lead of today's queue nobody holds, for `userId`, in ONE statement: the card row is
 * locked with SKIP LOCKED, so agents pressing at the same moment each get a different lead; an
 * expired claim on the card is taken over. Null when there is nothing left to take (or a concurrent
 * claim won the same card after this statement's snapshot: the caller tries again).
 */
export function claimNext(db: Executor, w: QueueWindow, userId: string, minutes: number): Promise<{ installationId: string } | null> {
	return firstOf<{ installationId: string }>(
		db,
		sql`insert into call_claims (installation_id, org_id, user_id, expires_at)
			select i.id, i.org_id, ${userId}, now() + make_interval(mins => ${minutes}::int)
			from installations i
			cross join lateral (select ${reasonOf(w)} as reason) k
			where i.org_id = ${w.orgId} and k.reason is not null
			  and not exists (select 1 from call_claims c where c.installation_id = i.id and c.expires_at > now())
			order by ${QUEUE_ORDER}
			limit 1
			for no key update of i skip locked
			on conflict (installation_id) do update
				set user_id = excluded.user_id, org_id = excluded.org_id, claimed_at = now(), expires_at = excluded.expires_at
				where call_claims.expires_at <= now()
			returning installation_id as "installationId"`
	);
}

/** Frees every claim an agent holds but `keep` (after taking the next lead: one lead at a time). */
export async function releaseAllOf(db: Executor, orgId: string, userId: string, keep: string | null = null): Promise<string[]> {
	const rows = await rowsOf<{ installationId: string }>(
		db,
		sql`delete from call_claims where org_id = ${orgId} and user_id = ${userId}
			and installation_id is distinct from ${keep}::uuid returning installation_id as "installationId"`
	);
	return rows.map((r) => r.installationId);
}

/** Frees the claim on a card, whoever holds it (a call was recorded); or only `userId`'s («Soltar»). */
export async function release(db: Executor, orgId: string, installationId: string, userId?: string): Promise<boolean> {
	const row = await firstOf<{ installationId: string }>(
		db,
		userId
			? sql`delete from call_claims where org_id = ${orgId} and installation_id = ${installationId} and user_id = ${userId}
				returning installation_id as "installationId"`
			: sql`delete from call_claims where org_id = ${orgId} and installation_id = ${installationId}
				returning installation_id as "installationId"`
	);
	return !!row;
}

/** Drops the claims that have expired (kept tidy; a live claim is always checked against now()). */
export async function purgeExpired(db: Executor, orgId: string): Promise<void> {
	await run(db, sql`delete from call_claims where org_id = ${orgId} and expires_at <= now()`);
}

export interface LiveClaim {
	installationId: string;
	userId: string;
	userName: string;
	expiresAt: string;
}

/** The live claim on a card, if any. */
export function liveOn(db: Executor, orgId: string, installationId: string): Promise<LiveClaim | null> {
	return firstOf<LiveClaim>(
		db,
		sql`select c.installation_id as "installationId", c.user_id as "userId", u.name as "userName",
				to_char(c.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "expiresAt"
			from call_claims c join users u on u.id = c.user_id
			where c.org_id = ${orgId} and c.installation_id = ${installationId} and c.expires_at > now()`
	);
}
