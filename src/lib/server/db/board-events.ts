import type { Database } from './client';

/** One board_events row as catch-up reads it: the technician it set, when its patch set one. */
export interface LoggedEvent {
	seq: number;
	cardId: string | null;
	kind: string;
	actorId: string | null;
	version: number | null;
	/** The patch names technician_id (a creation always does, with the full row). */
	setsTechnician: boolean;
	/** The technician it set; null also when it set none. */
	technicianId: string | null;
}

/** A provider's events after `afterSeq`, oldest first. */
export async function after(db: Pick<Database, 'query'>, orgId: string, afterSeq: number, limit: number): Promise<LoggedEvent[]> {
	return db.query<LoggedEvent>(
		`select seq::int as seq, card_id as "cardId", kind, actor_id as "actorId", version,
			(patch ? 'technician_id') as "setsTechnician", patch->>'technician_id' as "technicianId"
		 from board_events where org_id = $1 and seq > $2 order by seq limit $3`,
		[orgId, afterSeq, limit]
	);
}

/** The oldest event still kept for a provider (older ones were pruned), or null. */
export async function oldestSeq(db: Pick<Database, 'query'>, orgId: string): Promise<number | null> {
	const [row] = await db.query<{ seq: number | null }>('select min(seq)::int as seq from board_events where org_id = $1', [orgId]);
	return row?.seq ?? null;
}

/** A provider's newest event, 0 when it has none. */
export async function newestSeq(db: Pick<Database, 'query'>, orgId: string): Promise<number> {
	const [row] = await db.query<{ seq: number | null }>('select max(seq)::int as seq from board_events where org_id = $1', [orgId]);
	return row?.seq ?? 0;
}

/** Actor and whether the patch set a technician, by seq: for notifications that did not carry them. */
export async function metaOf(
	db: Pick<Database, 'query'>,
	seqs: number[]
): Promise<{ seq: number; actorId: string | null; technicianChanged: boolean }[]> {
	return db.query(
		`select seq::int as seq, actor_id as "actorId", (patch ? 'technician_id') as "technicianChanged"
		 from board_events where seq = any($1::bigint[])`,
		[seqs]
	);
}

/** Drops events older than `days`: the log is a delivery buffer, not the history (stage_history/card_history are). */
export async function pruneOlderThan(db: Pick<Database, 'query'>, days: number): Promise<void> {
	await db.query(`delete from board_events where created_at < now() - make_interval(days => $1)`, [days]);
}
