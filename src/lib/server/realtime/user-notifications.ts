import type { Server } from 'socket.io';
import type { Database } from '../db';
import { perKeyThrottle } from './per-key-throttle';

/** A person's sockets hear «notifications changed» at most this often while notices keep coming. */
const NOTIFY_WINDOW_MS = 250;

/**
 * The bell's live leg: the trigger on notifications NOTIFYs «notifications» at commit with the
 * person's id (a new notice, or one marked read); every instance LISTENs and tells that person's own
 * sockets (room `user:<id>`, joined after the session check) to refresh their count. Only the id
 * travels; the tab reads its notices over HTTP, where the session says whose they are. A burst
 * (a scan of late cards writes one notice per card, each in its own transaction) is told a few times.
 */
export async function startNotificationFanout(io: Server, db: Database): Promise<() => Promise<void>> {
	const tell = perKeyThrottle((user) => io.local.to(`user:${user}`).emit('notifications:changed'), NOTIFY_WINDOW_MS);
	const unlisten = await db.listen('notifications', (payload) => {
		let user: unknown;
		try {
			user = (JSON.parse(payload) as { user?: unknown }).user;
		} catch {
			return;
		}
		if (typeof user === 'string') tell.call(user);
	});
	return async () => {
		tell.stop();
		await unlisten();
	};
}
