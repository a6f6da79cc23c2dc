import type { Database } from './db';
import { limitStore, resetLimits } from './limit-store';

/**
 * Failed-login counters with growing lockouts, kept with the database like the other shared
 * limits (limit-store.ts): on PostgreSQL every instance sees the same failures and a restart
 * keeps them. A key is free for `free` failures; each failure after that locks it for twice as
 * long as the last, from `baseMs` up to `maxMs`. A key's failures are forgotten a day after the
 * first of them, so the growth survives a guesser's pauses but not a person's normal week.
 */
export interface ThrottlePolicy {
	free: number;
	baseMs: number;
	maxMs: number;
}

const FORGET_AFTER_MS = 24 * 60 * 60_000;
// Failures are never refused by their own counter: only the lock refuses.
const UNCAPPED = 1_000_000_000;

/** How long the failure number `failures` locks the key (0 while still free). */
export function lockoutMs(failures: number, { free, baseMs, maxMs }: ThrottlePolicy): number {
	if (failures < free) return 0;
	return Math.min(maxMs, baseMs * 2 ** Math.min(failures - free, 30));
}

export class LoginThrottle {
	readonly #failures;
	readonly #locks;

	/** `name` prefixes the throttle's keys in the shared table: unique, without colons. */
	constructor(
		readonly name: string,
		readonly policy: ThrottlePolicy
	) {
		this.#failures = { name: `${name}-failures`, points: UNCAPPED, durationMs: FORGET_AFTER_MS };
		this.#locks = { name: `${name}-lock`, points: 1, durationMs: policy.maxMs };
	}

	/** Milliseconds until the key may try again; 0 when it may now. */
	async retryIn(db: Database, key: string): Promise<number> {
		const lock = await limitStore(db).limiter(this.#locks).get(key);
		return lock ? Math.max(0, lock.msBeforeNext) : 0;
	}

	async fail(db: Database, key: string): Promise<void> {
		const store = limitStore(db);
		const { consumedPoints } = await store.limiter(this.#failures).penalty(key, 1);
		const lockMs = lockoutMs(consumedPoints, this.policy);
		// A new lock replaces the last one (it is always the longer).
		if (lockMs > 0) await store.limiter(this.#locks).block(key, lockMs / 1000);
	}

	async reset(db: Database, key: string): Promise<void> {
		const store = limitStore(db);
		await Promise.all([store.limiter(this.#failures).delete(key), store.limiter(this.#locks).delete(key)]);
	}

	/** Forgets every key (tests), on one database or on all. */
	clear(db?: Database): Promise<void> {
		return resetLimits([this.#failures.name, this.#locks.name], db);
	}
}
