/**
 * Failed-login counters with growing lockouts, in memory per process (like the other HTTP
 * limits). A key is free for `free` failures; each failure after that locks it for twice as long
 * as the last, from `baseMs` up to `maxMs`. A key is forgotten a day after its last failure, so
 * the growth survives a guesser's pauses but not a person's normal week.
 */
export interface ThrottlePolicy {
	free: number;
	baseMs: number;
	maxMs: number;
}

const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** How long the failure number `failures` locks the key (0 while still free). */
export function lockoutMs(failures: number, { free, baseMs, maxMs }: ThrottlePolicy): number {
	if (failures < free) return 0;
	return Math.min(maxMs, baseMs * 2 ** Math.min(failures - free, 30));
}

interface Entry {
	failures: number;
	lastFailure: number;
	lockedUntil: number;
}

export class LoginThrottle {
	#entries = new Map<string, Entry>();

	constructor(readonly policy: ThrottlePolicy) {}

	/** Milliseconds until the key may try again; 0 when it may now. */
	retryIn(key: string, now = Date.now()): number {
		const entry = this.#live(key, now);
		return entry ? Math.max(0, entry.lockedUntil - now) : 0;
	}

	fail(key: string, now = Date.now()): void {
		const entry = this.#live(key, now) ?? { failures: 0, lastFailure: now, lockedUntil: 0 };
		if (!this.#entries.has(key)) this.#sweep(now);
		entry.failures++;
		entry.lastFailure = now;
		entry.lockedUntil = now + lockoutMs(entry.failures, this.policy);
		this.#entries.set(key, entry);
	}

	reset(key: string): void {
		this.#entries.delete(key);
	}

	clear(): void {
		this.#entries.clear();
	}

	#live(key: string, now: number): Entry | undefined {
		const entry = this.#entries.get(key);
		if (entry && entry.lockedUntil <= now && entry.lastFailure + FORGET_AFTER_MS <= now) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry;
	}

	#sweep(now: number) {
		if (this.#entries.size < 10_000) return;
		for (const [k, v] of this.#entries) if (v.lockedUntil <= now && v.lastFailure + FORGET_AFTER_MS <= now) this.#entries.delete(k);
	}
}
