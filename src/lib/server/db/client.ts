import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

export type Orm = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
/** Anything a query module can run on: the handle or an open transaction. */
export type Executor = Orm | Tx;

export type Driver = 'pglite' | 'postgres';

/** Raw SQL runner used by migrations and hand-written statements. */
export interface RawRunner {
	query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
	exec(text: string): Promise<void>;
}

export interface Database extends RawRunner {
	driver: Driver;
	/** PostgreSQL only: the URL used for LISTEN (and the socket.io adapter). */
	listenUrl?: string;
	orm: Orm;
	/** Runs fn inside one raw transaction (BEGIN … COMMIT). */
	begin<T>(fn: (tx: RawRunner) => Promise<T>): Promise<T>;
	/** onListen runs each time the LISTEN is (re)established: notifications in between are lost. */
	listen(channel: string, onMessage: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
	/** PGlite only: statements waiting for its one connection (for /metrics). */
	queueLength?(): number;
}

export interface DatabaseOptions {
	/** postgres:// URL; without it the embedded PGlite is used. */
	url?: string;
	/** Separate session-mode URL for LISTEN (transaction poolers can't LISTEN). */
	listenUrl?: string;
	/** PGlite data directory; `memory://` for a throwaway in-memory database. */
	dataDir?: string;
	maxConnections?: number;
	/**
	 * PostgreSQL: run statements as named prepared statements (one round trip, parsed once per
	 * connection). Default: on, except behind a transaction-mode pooler, which may hand each
	 * transaction another server connection where they don't exist.
	 */
	prepareStatements?: boolean;
	/** PGlite only: start from a data-dir tarball (tests use a migrated template). */
	loadFrom?: Uint8Array;
}

/** Supabase's transaction-mode pooler (port 6543) or a URL marked `pgbouncer=true`. */
export function isTransactionPooler(url: string): boolean {
	try {
		const u = new URL(url);
		return u.port === '6543' || u.searchParams.get('pgbouncer') === 'true';
	} catch {
		return false;
	}
}

/** `pgbouncer=true` only tells this app what the URL is; servers refuse it as a connection parameter. */
function withoutPoolerFlag(url: string): string {
	try {
		const u = new URL(url);
		if (!u.searchParams.has('pgbouncer')) return url;
		u.searchParams.delete('pgbouncer');
		return u.toString();
	} catch {
		return url;
	}
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
	return opts.url ? openPostgres(opts.url, opts) : openPglite(opts.dataDir ?? 'memory://', opts.loadFrom);
}

async function openPglite(dataDir: string, loadFrom?: Uint8Array): Promise<Database> {
	const release = dataDir.startsWith('memory://') ? () => {} : lockDataDir(dataDir);
	let pg: PGlite;
	try {
		const loadDataDir = loadFrom ? new Blob([loadFrom as BlobPart]) : undefined;
		// relaxedDurability skips awaiting a filesystem sync that is a no-op on Node (durability.test.ts kills -9 to prove it).
		pg = dataDir.startsWith('memory://')
			? new PGlite({ loadDataDir, relaxedDurability: true })
			: new PGlite(dataDir, { loadDataDir, relaxedDurability: true });
		await pg.waitReady;
	} catch (err) {
		release();
		throw err;
	}
	const inFlight = countInFlight(pg);
	const orm = drizzlePglite({ client: pg }) as unknown as Orm;
	const runner = (q: Pick<PGlite, 'query' | 'exec'>): RawRunner => ({
		async query<T>(text: string, params: unknown[] = []) {
			return (await q.query<T>(text, params)).rows;
		},
		async exec(text: string) {
			await q.exec(text);
		}
	});
	return {
		driver: 'pglite',
		orm,
		...runner(pg),
		begin: (fn) => pg.transaction((tx) => fn(runner(tx))),
		// One runs; the rest wait on PGlite's lock.
		queueLength: () => Math.max(0, inFlight() - 1),
		async listen(channel, onMessage, onListen) {
			const unsubscribe = await pg.listen(channel, onMessage);
			onListen?.();
			return async () => unsubscribe();
		},
		async close() {
			try {
				await pg.close();
			} finally {
				release();
			}
		}
	};
}

/**
 * Counts the statements and transactions started on this PGlite and not finished, whoever started
 * them (the raw runner or Drizzle): PGlite runs one at a time and says nothing of the others.
 */
function countInFlight(pg: PGlite): () => number {
	let n = 0;
	const counted =
		<A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
		async (...args: A): Promise<R> => {
			n++;
			try {
				return await fn(...args);
			} finally {
				n--;
			}
		};
	pg.query = counted(pg.query.bind(pg)) as PGlite['query'];
	pg.exec = counted(pg.exec.bind(pg)) as PGlite['exec'];
	pg.transaction = counted(pg.transaction.bind(pg)) as PGlite['transaction'];
	return () => n;
}

/**
 * Seconds before a connection that closed on an error may reconnect. postgres.js counts every
 * such close in the pool (ten connections cut at once by a pooler reset count ten) and waits up to
 * 20 s by default, refusing every query meanwhile although the server is back. The outage gate
 * already spaces the probes while the database is really away, so a short, capped wait is enough.
 */
export const reconnectBackoff = (retries: number) => Math.min(0.05 * retries, 1);

async function openPostgres(url: string, opts: DatabaseOptions): Promise<Database> {
	const sql = postgres(withoutPoolerFlag(url), {
		max: opts.maxConnections ?? 10,
		onnotice: () => {},
		connect_timeout: 5,
		idle_timeout: 60,
		backoff: reconnectBackoff
	});
	// Unprepared, postgres.js first asks the server to describe every statement with parameters:
	// two round trips and two parses per query.
	const prepare = opts.prepareStatements ?? !isTransactionPooler(url);
	// LISTEN holds a connection of its own: open it lazily, only when someone listens.
	let listenSql: postgres.Sql | null = null;
	const orm = drizzlePostgres({ client: sql }) as unknown as Orm;
	const runner = (q: postgres.Sql | postgres.TransactionSql): RawRunner => ({
		async query<T>(text: string, params: unknown[] = []) {
			return (await q.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare })) as unknown as T[];
		},
		async exec(text: string) {
			await q.unsafe(text).simple();
		}
	});
	return {
		driver: 'postgres',
		listenUrl: opts.listenUrl ?? url,
		orm,
		...runner(sql),
		begin: (fn) => sql.begin((tx) => fn(runner(tx))) as Promise<never>,
		async listen(channel, onMessage, onListen) {
			listenSql ??= postgres(withoutPoolerFlag(opts.listenUrl ?? url), {
				max: 1,
				onnotice: () => {},
				connect_timeout: 10,
				backoff: reconnectBackoff
			});
			const sub = await listenSql.listen(channel, onMessage, onListen);
			return () => sub.unlisten();
		},
		async close() {
			await Promise.all([sql.end({ timeout: 5 }), listenSql?.end({ timeout: 5 })]);
		}
	};
}

/**
 * PGlite has no lock on its data directory and a second process opening it corrupts it,
 * so we keep a pid file and refuse while another live process holds it.
 */
function lockDataDir(dataDir: string): () => void {
	const dir = resolve(dataDir);
	mkdirSync(dir, { recursive: true });
	const lockFile = join(dir, '..', `${dir.split('/').pop()}.lock`);
	if (existsSync(lockFile)) {
		const pid = Number(readFileSync(lockFile, 'utf8').trim());
		if (pid && pid !== process.pid && isAlive(pid)) {
			throw new Error(
				`La base de datos embebida en ${dataDir} ya está abierta por otro proceso (pid ${pid}). ` +
					'Detén ese proceso (por ejemplo el servidor) antes de continuar.'
			);
		}
	}
	writeFileSync(lockFile, String(process.pid));
	return () => {
		try {
			if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) rmSync(lockFile);
		} catch {
			// already gone
		}
	};
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}
