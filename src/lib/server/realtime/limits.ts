import type { Socket } from 'socket.io';
import type { Database } from '../db';
import { RateLimiter, SharedRateLimiter } from '../rate-limit';
import { clientAddress, limitKey, readProxyConfig, type ProxyConfig } from '../client-address';

export const TOO_MANY_CONNECTIONS = 'Demasiadas conexiones desde tu red. Espera un momento.';
export const TOO_MANY_ACTIONS = 'Demasiadas acciones seguidas. Espera un momento.';
export const TOO_LARGE = 'Los datos enviados son demasiado grandes y no se procesaron. Recarga la página e intenta de nuevo.';

/** The largest event a socket handler reads; a bigger one is refused with an answer. */
export const EVENT_MAX_BYTES = 64 * 1024;
/**
 * The largest frame socket.io buffers at all (its maxHttpBufferSize): above it engine.io closes
 * the connection, which only a broken or hostile client ever sees. Well above EVENT_MAX_BYTES so
 * an oversized event is answered instead; small enough that a burst of frames stays cheap.
 */
export const FRAME_MAX_BYTES = 1024 * 1024;

/**
 * The socket limits and the variables that raise them. Generous on purpose: an office behind one
 * NAT can have 20–40 screens, and tests and benchmarks open hundreds of sockets from 127.0.0.1.
 */
const SETTINGS = {
	/** Board events of one socket: about ten a second, far above a person, stops a runaway tab. */
	eventsPerSocket: { env: 'SOCKET_EVENTS_PER_SOCKET', fallback: 100, windowMs: 10_000 },
	/** Events of every socket from one address, both namespaces together. */
	eventsPerIp: { env: 'SOCKET_EVENTS_PER_IP', fallback: 3000, windowMs: 10_000 },
	/** Handshakes from one address, both namespaces, refused or not. */
	connectionsPerIp: { env: 'SOCKET_CONNECTIONS_PER_IP', fallback: 600, windowMs: 60_000 }
} as const;

export type SocketLimitConfig = Record<keyof typeof SETTINGS, number>;

/** Reads the limits once at startup; a value that is not a positive integer stops the server. */
export function readSocketLimits(env: NodeJS.ProcessEnv = process.env): SocketLimitConfig {
	const entries = Object.entries(SETTINGS).map(([name, s]) => [name, positiveInteger(s.env, env[s.env], s.fallback)]);
	return Object.fromEntries(entries) as SocketLimitConfig;
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
	// `VAR=` in a compose file or a unit means "not set".
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw.trim());
	if (!Number.isSafeInteger(value) || value < 1) {
		throw new Error(
			`La variable ${name} debe ser un número entero mayor que cero (vale "${raw}"); corrígela o quítala para usar ${fallback}.`
		);
	}
	return value;
}

/**
 * Per-socket and per-address budgets shared by both namespaces. The address is read from the
 * handshake with the same rules as HTTP (ADDRESS_HEADER, XFF_DEPTH), once per connection.
 *
 * Given the database, handshakes are counted with it (SharedRateLimiter): on PostgreSQL every
 * instance and a restart see the same count. Events stay counted in this process on purpose: a
 * socket lives in one process, and a database write per board action would cost more than the
 * runaway tab it stops.
 */
export class SocketLimits {
	readonly perSocket: RateLimiter;
	readonly perIp: RateLimiter;
	readonly connections: RateLimiter;
	readonly #sharedConnections: SharedRateLimiter;
	readonly #db: Database | undefined;
	readonly #proxy: ProxyConfig;
	// Keyed by the engine.io connection: namespaces multiplexed on it share one address.
	readonly #keys = new WeakMap<object, string>();

	constructor(config: SocketLimitConfig = readSocketLimits(), proxy: ProxyConfig = readProxyConfig(), db?: Database) {
		this.perSocket = new RateLimiter(config.eventsPerSocket, SETTINGS.eventsPerSocket.windowMs);
		this.perIp = new RateLimiter(config.eventsPerIp, SETTINGS.eventsPerIp.windowMs);
		this.connections = new RateLimiter(config.connectionsPerIp, SETTINGS.connectionsPerIp.windowMs);
		this.#sharedConnections = new SharedRateLimiter('socket-connections', config.connectionsPerIp, SETTINGS.connectionsPerIp.windowMs);
		this.#db = db;
		this.#proxy = proxy;
	}

	/** The rate-limit key of the socket's client (IPv6 by /64). */
	keyOf(socket: Socket): string {
		let key = this.#keys.get(socket.conn);
		if (key === undefined) {
			// handshake.address was captured when the socket was created; a polling request's own
			// TCP socket may be gone by the time a later event arrives.
			key = limitKey(clientAddress(socket.handshake.headers, socket.handshake.address, this.#proxy));
			this.#keys.set(socket.conn, key);
		}
		return key;
	}

	/**
	 * Namespace middleware, registered before the session or token lookup, so a flood of
	 * handshakes with bad cookies is refused without touching the database.
	 */
	handshake = (socket: Socket, next: (err?: Error) => void): void => {
		void this.#allowConnection(this.keyOf(socket)).then((ok) => next(ok ? undefined : new Error(TOO_MANY_CONNECTIONS)));
	};

	#allowConnection(key: string): Promise<boolean> {
		if (!this.#db) return Promise.resolve(this.connections.hit(key));
		// The shared store already falls back to memory when PostgreSQL fails; this is for anything else.
		return this.#sharedConnections.hit(this.#db, key).catch(() => this.connections.hit(key));
	}

	/**
	 * One incoming event. The socket's own budget is checked first, so a runaway tab that is
	 * already refused does not also drain the budget its office colleagues share.
	 */
	allowEvent(socket: Socket, perSocket: RateLimiter = this.perSocket): boolean {
		return perSocket.hit(socket.id) && this.perIp.hit(this.keyOf(socket));
	}

	/**
	 * Socket middleware: an event larger than EVENT_MAX_BYTES never reaches its handler. It is
	 * answered (if it asked for an answer), still spends the budgets, and the connection stays up.
	 */
	sizeCap(socket: Socket, perSocket: RateLimiter = this.perSocket) {
		return (event: unknown[], next: (err?: Error) => void): void => {
			if (payloadBytes(event) <= EVENT_MAX_BYTES) return next();
			const message = this.allowEvent(socket, perSocket) ? TOO_LARGE : TOO_MANY_ACTIONS;
			const ack = event.at(-1);
			if (typeof ack === 'function') {
				ack({ ok: false, status: message === TOO_LARGE ? 413 : 429, message, reasons: [], overridable: false, card: null, error: message });
			}
		};
	}
}

/** An event's size as its JSON (binary counted by its bytes); stops counting once over the cap. */
export function payloadBytes(args: unknown[]): number {
	let total = 0;
	for (const a of args) {
		if (typeof a === 'function') continue;
		total += ArrayBuffer.isView(a) || a instanceof ArrayBuffer ? a.byteLength : Buffer.byteLength(JSON.stringify(a) ?? '');
		if (total > EVENT_MAX_BYTES) break;
	}
	return total;
}
