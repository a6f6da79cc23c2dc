import type { Server } from 'socket.io';
import type { Database } from '../db';
import { getCard } from '../db/cards';
import { orgSettings, toBoardCard } from '../services/board';
import { realtimeStatus } from './status';
import type { CardEvent } from '$lib/realtime/types';
import { emitToDisplays } from './display';

interface Notification {
	seq: number;
	org: string;
	card: string | null;
	kind: string;
	version: number | null;
}

/** Everyone but technicians sees the whole provider board. */
export const staffRoom = (orgId: string) => `board:${orgId}`;
/** Each technician sees only their own cards. */
export const techRoom = (orgId: string, userId: string) => `board:${orgId}:tech:${userId}`;
export const techsRoom = (orgId: string) => `board:${orgId}:techs`;

/**
 * Turns one board_events row into what each audience may see: the full board card for staff,
 * the card (or its removal) for technicians. The card is loaded once per event, not per client.
 */
export async function projectEvent(db: Database, n: Notification) {
	const row = n.card ? await getCard(db, n.org, n.card) : null;
	const settings = row ? await orgSettings(db, n.org) : null;
	const [ev] = await db.query<{ actorId: string | null; technicianChanged: boolean }>(
		`select actor_id as "actorId", (patch ? 'technician_id') as "technicianChanged" from board_events where seq = $1`,
		[n.seq]
	);
	const base: CardEvent = {
		seq: Number(n.seq),
		cardId: n.card ?? '',
		kind: n.kind,
		version: row?.version ?? n.version ?? 0,
		card: row && settings ? toBoardCard(row, settings) : null,
		actorId: ev?.actorId ?? null
	};
	return { event: base, technicianId: row?.technicianId ?? null, technicianChanged: !!ev?.technicianChanged || !row };
}

export function emitCardEvent(io: Server, orgId: string, p: Awaited<ReturnType<typeof projectEvent>>) {
	// io.local: every instance LISTENs and serves its own sockets; the adapter must not relay these.
	io.local.to(staffRoom(orgId)).emit('card:changed', p.event);
	if (p.technicianId) io.local.to(techRoom(orgId, p.technicianId)).emit('card:changed', p.event);
	if (p.technicianChanged) {
		// The card may have left some technician's scope: tell the others it is gone for them
		// (only the id travels, never the card).
		const gone: CardEvent = { ...p.event, card: null };
		let target = io.local.to(techsRoom(orgId));
		if (p.technicianId) target = target.except(techRoom(orgId, p.technicianId));
		target.emit('card:changed', gone);
	}
	emitToDisplays(io, orgId, p);
}

/** LISTEN on the database bus and forward each board event to the provider's rooms. */
export async function startFanout(io: Server, db: Database): Promise<() => Promise<void>> {
	// Events are projected in order, one at a time, so clients see seq ascending.
	let chain = Promise.resolve();
	const unlisten = await db.listen('board_events', (payload) => {
		let n: Notification;
		try {
			n = JSON.parse(payload);
		} catch {
			return;
		}
		chain = chain
			.then(async () => {
				const projected = await projectEvent(db, n);
				realtimeStatus.lastEventSeq = Math.max(realtimeStatus.lastEventSeq, Number(n.seq));
				realtimeStatus.lastEventAt = new Date().toISOString();
				emitCardEvent(io, n.org, projected);
			})
			.catch((err) => console.error('No se pudo difundir un evento del tablero:', err));
	});
	realtimeStatus.listening = true;
	const pruner = setInterval(() => void pruneEvents(db).catch(() => {}), PRUNE_EVERY_MS);
	pruner.unref();
	return async () => {
		clearInterval(pruner);
		realtimeStatus.listening = false;
		await unlisten();
	};
}

const PRUNE_EVERY_MS = 10 * 60_000;
/** Clients that were away longer than this get a snapshot instead of a replay. */
export const EVENT_RETENTION_DAYS = 14;

/** The event log is a delivery buffer, not the history (stage_history/card_history are). */
export async function pruneEvents(db: Database): Promise<void> {
	await db.query(`delete from board_events where created_at < now() - make_interval(days => $1)`, [EVENT_RETENTION_DAYS]);
}
