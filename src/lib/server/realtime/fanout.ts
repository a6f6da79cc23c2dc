import type { Server } from 'socket.io';
import type { Database } from '../db';
import { realtimeStatus } from './status';

interface Notification {
	seq: number;
	org: string;
	card: string | null;
	kind: string;
	version: number | null;
}

export const boardRoom = (orgId: string) => `board:${orgId}`;

/** LISTEN on the database bus and forward each board event to the provider's room. */
export async function startFanout(io: Server, db: Database): Promise<void> {
	await db.listen('board_events', (payload) => {
		let n: Notification;
		try {
			n = JSON.parse(payload);
		} catch {
			return;
		}
		realtimeStatus.lastEventSeq = Math.max(realtimeStatus.lastEventSeq, Number(n.seq));
		realtimeStatus.lastEventAt = new Date().toISOString();
		io.to(boardRoom(n.org)).emit('board:event', { seq: Number(n.seq), cardId: n.card, kind: n.kind, version: n.version });
	});
	realtimeStatus.listening = true;
}
