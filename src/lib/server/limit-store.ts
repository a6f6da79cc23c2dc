import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from './db';
import * as rateLimits from './db/rate-limits';

/** One limit: `points` hits per key in a fixed window of `durationMs`. */
export interface LimitSpec {
	/** Unique per limit, without colons: the prefix of its keys in the shared table. */
	name: string;
	points: number;
	durationMs: number;
}

export interface Verdict {
	allowed: boolean;
	/** When the key's window ends (0 when allowed). */
	retryAfterMs: number;
}

/**
 * Where one database's limit counters live. On PostgreSQL, the rate_limits table: every instance
 * counts the same hits and a restart forgets none. On PGlite, which only one process may open,
 * memory.
 *
 * If PostgreSQL fails under a check (down, connection cut), that check is counted in this
 * process's memory instead (rate-limiter-flexible's insurance limiter): the limits still hold per
 * instance, as they did before they were shared, nobody gets a 500 for it and nothing passes
 * unlimited. The request itself then meets the outage handling like any other.
 */
class LimitStore {
	readonly #limiters = new Map<string, RateLimiterAbstract>();
	#sweeper = false;

	constructor(readonly db: Database) {}

	limiter(spec: LimitSpec): RateLimiterAbstract {
		const id = `${spec.name}/${spec.points}/${spec.durationMs}`;
		let limiter = this.#limiters.get(id);
		if (!limiter) {
			limiter = this.#make(spec);
			this.#limiters.set(id, limiter);
		}
		return limiter;
	}

	#make(spec: LimitSpec): RateLimiterAbstract {
		const opts = { keyPrefix: spec.name, points: spec.points, duration: spec.durationMs / 1000 };
		const memory = new RateLimiterMemory(opts);
		if (this.db.driver !== 'postgres') return memory;
		// One limiter per store deletes the rows that expired over an hour ago, every five minutes.
		const sweep = !this.#sweeper;
		this.#sweeper = true;
		return new RateLimiterPostgres({
			...opts,
			storeClient: rateLimits.storeClient(this.db),
			storeType: 'client',
			tableName: rateLimits.RATE_LIMITS_TABLE,
			tableCreated: true,
			clearExpiredByTimeout: sweep,
			insuranceLimiter: memory
		});
	}

	async reset(names: string[]): Promise<void> {
		for (const id of [...this.#limiters.keys()]) if (names.includes(id.split('/')[0])) this.#limiters.delete(id);
		if (this.db.driver === 'postgres') await rateLimits.clear(this.db, names);
	}
}

const stores = new WeakMap<Database, LimitStore>();
// For resetLimits() without a database; weak, so closed test databases are not kept alive.
const opened = new Set<WeakRef<LimitStore>>();

/** The counters kept with this database (one store per handle, made on first use). */
export function limitStore(db: Database): LimitStore {
	let store = stores.get(db);
	if (!store) {
		store = new LimitStore(db);
		stores.set(db, store);
		opened.add(new WeakRef(store));
	}
	return store;
}

/** Counts one hit of `key` against the limit. */
export async function take(db: Database, spec: LimitSpec, key: string): Promise<Verdict> {
	try {
		await limitStore(db).limiter(spec).consume(key);
		return { allowed: true, retryAfterMs: 0 };
	} catch (err) {
		if (err instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(0, err.msBeforeNext) };
		throw err;
	}
}

/**
 * Forgets the named limits' counters on one database, or on every one this process opened (a
 * database closed since then has nothing left to forget, so its failure is ignored).
 */
export async function resetLimits(names: string[], db?: Database): Promise<void> {
	if (db) return limitStore(db).reset(names);
	const live = [...opened].flatMap((ref) => ref.deref() ?? (opened.delete(ref), []));
	await Promise.all(live.map((s) => s.reset(names).catch(() => undefined)));
}
