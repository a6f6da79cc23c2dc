import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { getDb, listenUrl, type Database } from '../db';
import { socketAuth, originAllowed } from './socket-auth';
import { startFanout } from './fanout';
import { startNotificationFanout } from './user-notifications';
import { registerHandlers } from './handlers';
import { DISPLAY_NAMESPACE, registerDisplay } from './display';
import { FRAME_MAX_BYTES, readSocketLimits, SocketLimits } from './limits';
import { readProxyConfig } from '../client-address';
import { getMetrics } from '../metrics';
import { getLog } from '../log';
import { realtimeStatus } from './status';

export { realtimeStatus } from './status';

const KEY = Symbol.for('tablero.realtime');
type Holder = { [KEY]?: { attach: typeof attachRealtime } };

/** One function attaches socket.io to an HTTP server, in `vite dev` and in production. */
export async function attachRealtime(httpServer: HttpServer, database?: Database): Promise<Server> {
	// First, so a bad SOCKET_* value stops the startup before anything is opened.
	const config = readSocketLimits();
	const db = database ?? (await getDb());
	const limits = new SocketLimits(config, readProxyConfig(), db);
	const io = new Server(httpServer, {
		path: '/socket.io',
		serveClient: false,
		pingInterval: 10_000,
		pingTimeout: 8_000,
		maxHttpBufferSize: FRAME_MAX_BYTES,
		allowRequest: (req, callback) => callback(null, originAllowed(req))
	});
	let pool: pg.Pool | null = null;
	if (db.driver === 'postgres') {
		// Presence and evictions cross instances through PostgreSQL; card events don't need it
		// (every instance LISTENs on board_events itself).
		pool = new pg.Pool({ connectionString: db.listenUrl ?? listenUrl(), max: 2 });
		pool.on('error', (err) => getLog().error({ err: err.message }, 'socket.io adapter'));
		// The adapter keeps a LISTEN client out of the pool; without a handler a restart of
		// PostgreSQL would crash the process instead of letting the adapter reconnect.
		pool.on('connect', (client) => client.on('error', (err) => getLog().error({ err: err.message }, 'socket.io adapter')));
		io.adapter(createAdapter(pool, { heartbeatInterval: 5000, heartbeatTimeout: 12000 }));
	}
	// Per-address handshake limit before the session lookup: a flood of bad cookies costs no query.
	io.use(limits.handshake);
	io.use(socketAuth(db));
	registerHandlers(io, db, limits);
	registerDisplay(io, db, limits);
	const stopFanout = await startFanout(io, db);
	const stopNotifications = await startNotificationFanout(io, db);
	realtimeStatus.attached = true;
	const metrics = getMetrics();
	metrics.sources.sockets = () => ({ '/': io.of('/').sockets.size, [DISPLAY_NAMESPACE]: io.of(DISPLAY_NAMESPACE).sockets.size });
	httpServer.once('close', () => {
		realtimeStatus.attached = false;
		metrics.sources.sockets = undefined;
		stopFanout().catch(() => {});
		stopNotifications().catch(() => {});
		void io.close();
		void pool?.end();
	});
	return io;
}

export function exposeRealtime(): void {
	(globalThis as Holder)[KEY] = { attach: attachRealtime };
}
