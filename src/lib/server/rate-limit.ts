/**
 * Fixed-window counters in memory. Good for one process; with several instances each keeps
 * its own window, which still bounds an attacker per instance.
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
