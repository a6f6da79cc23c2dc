import type { Database } from './client';

const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE', // a write to a connection the server already closed
	'ECONNABORTED',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ETIMEDOUT',
	'CONNECT_TIMEOUT',
	'CONNECTION_CLOSED',
	'CONNECTION_DESTROYED',
	'CONNECTION_ENDED',
	'57P01', // admin shutdown
	'57P02', // crash shutdown
	'57P03', // cannot connect now
	'53300', // too many connections
	'08000',
	'08001',
	'08003',
	'08006',
	'3D000', // database does not exist
	'55000' // database not accepting connections (while it restarts or is being maintained)
]);

/** Also looks through `cause`: Drizzle wraps the driver's error. */
export function isConnectionError(err: unknown): boolean {
	for (let e = err as { code?: string; cause?: unknown } | null, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
		if (e.code && CONNECTION_CODES.has(e.code)) return true;
	}
	return false;
}

/**
 * While the database is unreachable, requests are answered 503 at once instead of each one
 * waiting for its own connection timeout. A probe (at most one per second) ends the outage.
 */
export class OutageGate {
	#since: number | null = null;
	#probing: Promise<boolean> | null = null;
	#lastProbe = 0;

	get down(): boolean {
		return this.#since !== null;
	}

	markDown(): void {
		this.#since ??= Date.now();
	}

	/** True when requests may go through. */
	async check(db: Pick<Database, 'query'>): Promise<boolean> {
		if (this.#since === null) return true;
		if (Date.now() - this.#lastProbe < 1000 && !this.#probing) return false;
		this.#probing ??= (async () => {
			this.#lastProbe = Date.now();
			try {
				await Promise.race([db.query('select 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500))]);
				this.#since = null;
				return true;
			} catch {
				return false;
			} finally {
				this.#probing = null;
			}
		})();
		return this.#probing;
	}
}

const failedOnDatabase = new WeakSet<Request>();

/** handleError saw this request fail because the database connection dropped under it. */
export function noteDatabaseFailure(request: Request): void {
	failedOnDatabase.add(request);
}

/**
 * SvelteKit answers every unexpected error 500; one caused by a dropped connection is the database
 * being away, which the client should retry: 503 with the same Spanish body, and Retry-After.
 */
export function outageStatus(request: Request, response: Response): Response {
	if (response.status !== 500 || !failedOnDatabase.has(request)) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', '5');
	return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
}

const KEY = Symbol.for('tablero.outage');
export const outage: OutageGate = ((globalThis as Record<symbol, unknown>)[KEY] ??= new OutageGate()) as OutageGate;
