import { createServer, type Server as HttpServer } from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';
import type { Database } from '$lib/server/db/client';
import { attachRealtime } from '$lib/server/realtime';
import { createSession } from '$lib/server/auth';
import type { SessionUser } from '$lib/server/auth';
import type { AckOf, ClientToServer, PayloadOf, ServerToClient } from '$lib/realtime/types';

export type TestSocket = Socket<ServerToClient, ClientToServer>;

export async function startRealtime(db: Database) {
	const http: HttpServer = createServer((_req, res) => res.writeHead(404).end());
	const io = await attachRealtime(http, db);
	await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
	const { port } = http.address() as { port: number };
	const url = `http://127.0.0.1:${port}`;
	const sockets: TestSocket[] = [];
	return {
		url,
		io,
		async connectAs(user: SessionUser, opts: { origin?: string } = {}): Promise<TestSocket> {
			const { token } = await createSession(db.orm, user);
			return this.connectWithCookie(`session=${token}`, opts);
		},
		connectWithCookie(cookie: string | null, opts: { origin?: string } = {}): Promise<TestSocket> {
			const headers: Record<string, string> = {};
			if (cookie) headers.cookie = cookie;
			if (opts.origin) headers.origin = opts.origin;
			const socket: TestSocket = connect(url, {
				path: '/socket.io',
				transports: ['websocket'],
				extraHeaders: headers,
				reconnection: false,
				forceNew: true
			});
			sockets.push(socket);
			return new Promise((resolve, reject) => {
				socket.once('connect', () => resolve(socket));
				socket.once('connect_error', (err) => reject(err));
			});
		},
		async close() {
			for (const s of sockets) s.disconnect();
			await new Promise<void>((r) => {
				http.closeAllConnections();
				http.close(() => r());
			});
		}
	};
}

export function emitAck<E extends keyof ClientToServer>(socket: TestSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
	return new Promise((resolve) => (socket.emit as (...a: unknown[]) => void)(event, payload, resolve));
}

/** Resolves with the first event matching `pred`, or rejects after `ms`. */
export function waitFor<T>(socket: TestSocket, event: keyof ServerToClient, pred: (e: T) => boolean = () => true, ms = 3000): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			socket.off(event, handler as never);
			reject(new Error(`no llegó ${String(event)} en ${ms} ms`));
		}, ms);
		const handler = (e: T) => {
			if (!pred(e)) return;
			clearTimeout(timer);
			socket.off(event, handler as never);
			resolve(e);
		};
		socket.on(event, handler as never);
	});
}
