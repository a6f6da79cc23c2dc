import type { LoggedEvent } from '../db/board-events';
import type { CardEvent } from '$lib/types/board';

/**
 * What a technician hears about a card that is no longer theirs (reassigned or deleted): that it
 * is gone. seq and version only place the removal among the card's other events; what happened
 * to it, who did it and what it holds stay with the staff.
 */
export function leftScope(e: Pick<CardEvent, 'seq' | 'cardId' | 'version'>): CardEvent {
	return { seq: e.seq, cardId: e.cardId, kind: 'card:removed', version: e.version, card: null, actorId: null };
}

/**
 * Whether a card outside a technician's scope now may have been on their board since the catch-up
 * began, so they are owed its removal: the live fan-out sends one whenever a card's technician
 * changes or it is deleted. A card created since then was theirs only if an event gave it to them;
 * one that already existed may have been theirs, which its older events may no longer tell.
 */
export function owesRemoval(log: readonly LoggedEvent[], technicianId: string): boolean {
	if (log[0]?.kind === 'card:created') return log.some((e) => e.setsTechnician && e.technicianId === technicianId);
	return log.some((e) => e.setsTechnician || e.kind === 'card:deleted');
}

/**
 * The version a deletion is applied at. Its event carries the card's last version, which boards
 * holding the card already have and would drop as stale; nothing can follow a deletion.
 */
export function deletedVersion(last: number | null | undefined): number {
	return (last ?? 0) + 1;
}
