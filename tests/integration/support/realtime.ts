import { createServer, type Server as HttpServer } from 'node:http';
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { Database } from '$lib/server/db/client';
import { attachRealtime } from '$lib/server/realtime';
import { createSession } from '$lib/server/auth';
import type { SessionUser } from '$lib/server/auth';
import type { CardEvent } from '$lib/types/board';
import type { AckOf, ClientToServer, PayloadOf, ServerToClient } from '$lib/types/socket';

export type TestSocket = Socket<ServerToClient, ClientToServer>;

/**
 * How a test socket reaches the server: extra headers (a proxy's X-Forwarded-For) and the local
 * address to connect from (Linux routes all of 127.0.0.0/8 to loopback, so 127.0.0.2 is another client).
 */
export interface ConnectOptions {
	origin?: string;
	headers?: Record<string, string>;
	localAddress?: string;
}

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
		async connectAs(user: SessionUser, opts: ConnectOptions = {}): Promise<TestSocket> {
			const { token } = await createSession(db.orm, user);
			return this.connectWithCookie(`session=${token}`, opts);
		},
		connectWithCookie(cookie: string | null, opts: ConnectOptions = {}): Promise<TestSocket> {
			const headers: Record<string, string> = { ...opts.headers };
			if (cookie) headers.cookie = cookie;
			if (opts.origin) headers.origin = opts.origin;
			return opened(this.open('/', { extraHeaders: headers }, opts));
		},
		/** A wall display socket on /pantalla, authenticated by its token. */
		connectDisplay(token: unknown, opts: ConnectOptions = {}): Promise<TestSocket> {
			return opened(this.open('/pantalla', { auth: { token }, extraHeaders: { ...opts.headers } }, opts));
		},
		open(namespace: string, options: Partial<ManagerOptions & SocketOptions>, opts: ConnectOptions = {}): TestSocket {
			// engine.io-client passes localAddress on to `ws`, but its types don't list it.
			const socket: TestSocket = connect(`${url}${namespace === '/' ? '' : namespace}`, {
				path: '/socket.io',
				transports: ['websocket'],
				reconnection: false,
				forceNew: true,
				...options,
				...(opts.localAddress ? ({ localAddress: opts.localAddress } as object) : {})
			});
			sockets.push(socket);
			return socket;
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

function opened(socket: TestSocket): Promise<TestSocket> {
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', (err) => reject(err));
	});
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

/** Resolves with the first board event (of any `cards:changed` frame) matching `pred`. */
export function waitForCard(socket: TestSocket, pred: (e: CardEvent) => boolean = () => true, ms = 3000): Promise<CardEvent> {
	return waitFor<CardEvent[]>(socket, 'cards:changed', (events) => events.some(pred), ms).then((events) => events.find(pred)!);
}
