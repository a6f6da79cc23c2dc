import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { getDb } from '../db';
import { authenticateSocket, originAllowed } from './socket-auth';
import { startFanout } from './fanout';
import { registerHandlers } from './handlers';
import { realtimeStatus } from './status';

export { realtimeStatus } from './status';

const KEY = Symbol.for('tablero.realtime');
type Holder = { [KEY]?: { attach: typeof attachRealtime } };

/** One function attaches socket.io to an HTTP server, in `vite dev` and in production. */
export async function attachRealtime(httpServer: HttpServer): Promise<Server> {
	const db = await getDb();
	const io = new Server(httpServer, {
		path: '/socket.io',
		serveClient: false,
		pingInterval: 10_000,
		pingTimeout: 8_000,
		maxHttpBufferSize: 64 * 1024,
		allowRequest: (req, callback) => callback(null, originAllowed(req))
	});
	io.use(authenticateSocket);
	registerHandlers(io, db);
	await startFanout(io, db);
	realtimeStatus.attached = true;
	httpServer.once('close', () => {
		realtimeStatus.attached = false;
		void io.close();
	});
	return io;
}

export function exposeRealtime(): void {
	(globalThis as Holder)[KEY] = { attach: attachRealtime };
}
