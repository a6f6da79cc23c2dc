import type { Server } from 'socket.io';
import type { Database } from '../db';
import { getCardsByIds, type CardRow } from '../db/cards';
import * as boardEvents from '../db/board-events';
import { orgSettings } from '../services/board';
import { realtimeStatus } from './status';
import type { CardEvent } from '$lib/types/board';
import type { Stage } from '$lib/domain/stages';
import { emitToDisplays } from './display';
import { deletedVersion, leftScope } from './scope';
import { boardModels } from './board-model';
import { toBoardCard } from './board-card';
import type { Notification, Projected } from './notification';
import { getLog } from '../log';

export type { Notification, Projected };

/** Everyone but technicians sees the whole provider board. */
export const staffRoom = (orgId: string) => `board:${orgId}`;
/** Each technician sees only their own cards. */
export const techRoom = (orgId: string, userId: string) => `board:${orgId}:tech:${userId}`;
export const techsRoom = (orgId: string) => `board:${orgId}:techs`;

/**
 * Turns a batch of board_events notifications into what each audience may see, applying each to
 * its provider's read model (board-model.ts). A card the model holds at the version before an
 * event is advanced with the event's patch; the rest are read in one query however many arrived,
 * so under load the fan-out keeps up instead of queueing one round trip per event.
 */
export async function projectEvents(db: Database, batch: Notification[]): Promise<Projected[]> {
	const models = boardModels(db);
	const rows = new Map<number, CardRow | undefined>();
	// The column each card was in before its event, when the model held it (boards that have not
	// loaded a card yet still take it out of that column's count).
	const from = new Map<number, Stage>();
	const toRead = new Set<string>();
	for (const n of batch) {
		const before = n.card ? models.model(n.org).row(n.card)?.stage : undefined;
		if (before) from.set(n.seq, before);
		// Every notification reaches the model, even for a card this batch reads anyway.
		const row = models.model(n.org).apply(n);
		if (!n.card || n.kind === 'card:deleted') continue;
		if (row && !toRead.has(n.card)) rows.set(n.seq, row);
		else toRead.add(n.card);
	}
	if (toRead.size) {
		const read = await getCardsByIds(db, [...toRead]);
		for (const row of read.values()) models.model(row.orgId).put(row);
		for (const n of batch) if (n.card && toRead.has(n.card)) rows.set(n.seq, read.get(n.card));
	}
	// Notifications from before the trigger carried actor and patch: read those by seq.
	const legacy = batch.filter((n) => n.actor === undefined || (n.patch == null && n.kind !== 'card:deleted'));
	const meta = new Map(
		legacy.length
			? (
					await boardEvents.metaOf(
						db,
						legacy.map((n) => Number(n.seq))
					)
				).map((r) => [r.seq, r])
			: []
	);
	const out: Projected[] = [];
	for (const n of batch) {
		const row = rows.get(n.seq);
		const settings = row ? await orgSettings(db, n.org) : null;
		const ev = meta.get(Number(n.seq));
		out.push({
			event: {
				seq: Number(n.seq),
				cardId: n.card ?? '',
				kind: n.kind,
				version: row?.version ?? (n.kind === 'card:deleted' ? deletedVersion(n.version) : (n.version ?? 0)),
				card: row && settings ? toBoardCard(row, settings) : null,
				actorId: ev ? ev.actorId : (n.actor ?? null),
				...(from.has(n.seq) ? { from: from.get(n.seq) } : n.kind === 'card:created' ? { from: null } : {})
			},
			technicianId: row?.technicianId ?? null,
			technicianChanged: (ev ? ev.technicianChanged : !!n.patch && 'technician_id' in n.patch) || !row
		});
	}
	return out;
}

/** One event (used by tests and callers outside the batch loop). */
export async function projectEvent(db: Database, n: Notification): Promise<Projected> {
	return (await projectEvents(db, [n]))[0];
}

/**
 * Sends a batch of projected events, in order, as one `cards:changed` frame per room: under load a
 * board gets one message for several moves instead of one each. A card leaving a technician's
 * scope goes out on its own after everything before it, so no socket sees events out of order.
 */
export function emitCardEvents(io: Server, batch: { orgId: string; p: Projected }[]): void {
	const pending = new Map<string, CardEvent[]>();
	const add = (room: string, e: CardEvent) => {
		const list = pending.get(room);
		if (list) list.push(e);
		else pending.set(room, [e]);
	};
	// io.local: every instance LISTENs and serves its own sockets; the adapter must not relay these.
	const flush = () => {
		for (const [room, events] of pending) io.local.to(room).emit('cards:changed', events);
		pending.clear();
	};
	for (const { orgId, p } of batch) {
		add(staffRoom(orgId), p.event);
		if (p.technicianId) add(techRoom(orgId, p.technicianId), p.event);
		// A new card left nobody's scope.
		if (p.technicianChanged && p.event.kind !== 'card:created') {
			// The card may have left some technician's scope: tell the others it is gone for them
			// (only that, never the card).
			flush();
			let target = io.local.to(techsRoom(orgId));
			if (p.technicianId) target = target.except(techRoom(orgId, p.technicianId));
			target.emit('cards:changed', [leftScope(p.event)]);
		}
		emitToDisplays(io, orgId, p);
	}
	flush();
}

/**
 * LISTEN on the database bus and forward board events to the providers' rooms, in seq order. The
 * listener owns the process's board read models: they are trusted only while it listens.
 */
export async function startFanout(io: Server, db: Database): Promise<() => Promise<void>> {
	const models = boardModels(db);
	const queue: Notification[] = [];
	let draining = false;
	let scheduled = false;
	let stopped = false;
	const drain = async () => {
		scheduled = false;
		if (stopped) return;
		draining = true;
		try {
			const batch = queue.splice(0, 500);
			const projected = await projectEvents(db, batch);
			emitCardEvents(
				io,
				projected.map((p, i) => ({ orgId: batch[i].org, p }))
			);
			realtimeStatus.lastEventSeq = Math.max(realtimeStatus.lastEventSeq, ...batch.map((n) => Number(n.seq)));
			realtimeStatus.lastEventAt = new Date().toISOString();
		} catch (err) {
			// Clients catch up by seq (heartbeat) on whatever this batch would have told them.
			getLog().error({ err }, 'No se pudo difundir un evento del tablero');
		} finally {
			draining = false;
			schedule();
		}
	};
	// After the current turn of the event loop: notifications delivered together (one commit, or
	// several read from the connection at once) go out together.
	const schedule = () => {
		if (scheduled || draining || !queue.length) return;
		scheduled = true;
		setImmediate(() => void drain());
	};
	const unlisten = await db.listen(
		'board_events',
		(payload) => {
			let n: Notification;
			try {
				n = JSON.parse(payload);
			} catch {
				return;
			}
			queue.push(n);
			schedule();
		},
		() => {
			// (Re)established: notifications sent while it was down are lost, so no model is current.
			models.reset();
			models.listening = true;
		}
	);
	realtimeStatus.listening = true;
	const pruner = setInterval(() => void pruneEvents(db).catch(() => {}), PRUNE_EVERY_MS);
	pruner.unref();
	return async () => {
		stopped = true;
		clearInterval(pruner);
		models.listening = false;
		models.reset();
		realtimeStatus.listening = false;
		await unlisten();
	};
}

const PRUNE_EVERY_MS = 10 * 60_000;
/** Clients that were away longer than this get a snapshot instead of a replay. */
export const EVENT_RETENTION_DAYS = 14;

/** The event log is a delivery buffer, not the history (stage_history/card_history are). */
export async function pruneEvents(db: Database): Promise<void> {
	await boardEvents.pruneOlderThan(db, EVENT_RETENTION_DAYS);
}
