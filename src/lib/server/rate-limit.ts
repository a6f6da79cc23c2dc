import type { Database } from './db';
import { resetLimits, take, type LimitSpec, type Verdict } from './limit-store';

/**
 * Fixed-window counters in memory. Good for one process; with several instances each keeps
 * its own window, which still bounds an attacker per instance. For limits that must hold across
 * instances and restarts (sign-in, public forms, signing links), use SharedRateLimiter.
 */
export class RateLimiter {
	#hits = new Map<string, { count: number; resetAt: number }>();

	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	/** Counts one hit; returns false when the key is over the limit. */
	hit(key: string, now = Date.now()): boolean {
		const entry = this.#hits.get(key);
		if (!entry || entry.resetAt <= now) {
			this.#sweep(now);
			this.#hits.set(key, { count: 1, resetAt: now + this.windowMs });
			return true;
		}
		entry.count++;
		return entry.count <= this.limit;
	}

	isBlocked(key: string, now = Date.now()): boolean {
		const entry = this.#hits.get(key);
		return !!entry && entry.resetAt > now && entry.count >= this.limit;
	}

	reset(key: string): void {
		this.#hits.delete(key);
	}

	clear(): void {
		this.#hits.clear();
	}

	#sweep(now: number) {
		if (this.#hits.size < 10_000) return;
		for (const [k, v] of this.#hits) if (v.resetAt <= now) this.#hits.delete(k);
	}
}

/**
 * A fixed-window limit kept with the database (see limit-store.ts): on PostgreSQL every instance
 * counts the same hits and a restart keeps them; on PGlite it counts in memory. Same rule as
 * RateLimiter: `limit` hits per key per window, hits over the limit still count.
 */
export class SharedRateLimiter {
	readonly #spec: LimitSpec;

	/** `name` is the limit's key prefix in the shared table: unique, without colons. */
	constructor(
		readonly name: string,
		readonly limit: number,
		readonly windowMs: number
	) {
		this.#spec = { name, points: limit, durationMs: windowMs };
	}

	/** Counts one hit; false when the key is over the limit. */
	async hit(db: Database, key: string): Promise<boolean> {
		return (await this.take(db, key)).allowed;
	}

	/** Counts one hit, and says how long until the key's window ends when refused. */
	take(db: Database, key: string): Promise<Verdict> {
		return take(db, this.#spec, key);
	}

	/** Forgets every key's count (tests). */
	reset(db?: Database): Promise<void> {
		return resetLimits([this.name], db);
	}
}
