import type { Server } from 'socket.io';
import type { Database } from '../db';

/**
 * The bell's live leg: the trigger on notifications NOTIFYs «notifications» at commit with the
 * person's id (a new notice, or one marked read); every instance LISTENs and tells that person's own
 * sockets (room `user:<id>`, joined after the session check) to refresh their count. Only the id
 * travels; the tab reads its notices over HTTP, where the session says whose they are.
 */
export async function startNotificationFanout(io: Server, db: Database): Promise<() => Promise<void>> {
	return db.listen('notifications', (payload) => {
		let user: unknown;
		try {
			user = (JSON.parse(payload) as { user?: unknown }).user;
		} catch {
			return;
		}
		if (typeof user === 'string') io.local.to(`user:${user}`).emit('notifications:changed');
	});
}
