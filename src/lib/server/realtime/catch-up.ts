import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { getCard } from '../db/cards';
import { boardSnapshot, inScope, orgSettings, toBoardCard } from '../services/board';
import type { BoardSnapshot, CardEvent } from '$lib/realtime/types';

/** More missed events than this and a fresh snapshot is cheaper than replaying them. */
export const MAX_REPLAY = 500;

/**
 * What a client missed since `lastSeq`: one event per changed card carrying its current state
 * (clients apply by version, so the latest state is all they need), or a snapshot.
 */
export async function eventsSince(
	db: Database,
	user: SessionUser,
	lastSeq: number
): Promise<{ events: CardEvent[]; lastSeq: number } | { snapshot: BoardSnapshot }> {
	const rows = await db.query<{ seq: number; cardId: string | null; kind: string; actorId: string | null }>(
		`select seq::int as seq, card_id as "cardId", kind, actor_id as "actorId" from board_events
		 where org_id = $1 and seq > $2 order by seq limit $3`,
		[user.orgId, lastSeq, MAX_REPLAY + 1]
	);
	const [oldest] = await db.query<{ seq: number | null }>('select min(seq)::int as seq from board_events where org_id = $1', [
		user.orgId
	]);
	// Too many, or events we'd need were already pruned.
	if (rows.length > MAX_REPLAY || (oldest?.seq != null && lastSeq > 0 && oldest.seq > lastSeq + 1)) {
		return { snapshot: await boardSnapshot(db, user) };
	}
	const latest = new Map<string, (typeof rows)[number]>();
	for (const r of rows) if (r.cardId) latest.set(r.cardId, r);
	const settings = await orgSettings(db, user.orgId);
	const events: CardEvent[] = [];
	for (const r of latest.values()) {
		const row = await getCard(db, user.orgId, r.cardId!);
		const visible = row && inScope(user, row);
		events.push({
			seq: r.seq,
			cardId: r.cardId!,
			kind: r.kind,
			version: row?.version ?? 0,
			card: visible ? toBoardCard(row, settings) : null,
			actorId: r.actorId
		});
	}
	events.sort((a, b) => a.seq - b.seq);
	// The client's new lastSeq, even when the newest events were filtered out of its scope.
	return { events, lastSeq: rows.length ? rows[rows.length - 1].seq : lastSeq };
}
