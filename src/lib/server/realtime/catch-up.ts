import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { getCardsByIds } from '../db/cards';
import * as boardEvents from '../db/board-events';
import { boardSnapshot, inScope, orgSettings, toBoardCard } from '../services/board';
import { deletedVersion, leftScope, owesRemoval } from './scope';
import type { BoardSnapshot, CardEvent } from '$lib/types/board';

/** More missed events than this and a fresh snapshot is cheaper than replaying them. */
export const MAX_REPLAY = 500;

/**
 * What a client missed since `lastSeq`: one event per changed card carrying its current state
 * (clients apply by version, so the latest state is all they need), or a snapshot. A technician
 * gets what the live fan-out would have sent them: their own cards, and only the removal of a card
 * that may have left their board.
 */
export async function eventsSince(
	db: Database,
	user: SessionUser,
	lastSeq: number
): Promise<{ events: CardEvent[]; lastSeq: number } | { snapshot: BoardSnapshot }> {
	const rows = await boardEvents.after(db, user.orgId, lastSeq, MAX_REPLAY + 1);
	const oldest = await boardEvents.oldestSeq(db, user.orgId);
	// Too many, or events we'd need were already pruned.
	if (rows.length > MAX_REPLAY || (oldest != null && lastSeq > 0 && oldest > lastSeq + 1)) {
		return { snapshot: await boardSnapshot(db, user) };
	}
	const byCard = new Map<string, boardEvents.LoggedEvent[]>();
	for (const r of rows) {
		if (!r.cardId) continue;
		const log = byCard.get(r.cardId);
		if (log) log.push(r);
		else byCard.set(r.cardId, [r]);
	}
	const settings = await orgSettings(db, user.orgId);
	const cards = await getCardsByIds(db, [...byCard.keys()]);
	const events: CardEvent[] = [];
	for (const [cardId, log] of byCard) {
		const last = log[log.length - 1];
		const found = cards.get(cardId);
		const row = found?.orgId === user.orgId ? found : undefined;
		const version = row?.version ?? (last.kind === 'card:deleted' ? deletedVersion(last.version) : (last.version ?? 0));
		if (row && inScope(user, row)) {
			events.push({ seq: last.seq, cardId, kind: last.kind, version, card: toBoardCard(row, settings), actorId: last.actorId });
		} else if (user.role !== 'technician') {
			events.push({ seq: last.seq, cardId, kind: last.kind, version, card: null, actorId: last.actorId });
		} else if (owesRemoval(log, user.id)) {
			events.push(leftScope({ seq: last.seq, cardId, version }));
		}
	}
	events.sort((a, b) => a.seq - b.seq);
	// The client's new lastSeq, even when the newest events were filtered out of its scope.
	return { events, lastSeq: rows.length ? rows[rows.length - 1].seq : lastSeq };
}
