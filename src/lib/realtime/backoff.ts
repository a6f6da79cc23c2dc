export interface BackoffOptions {
	/** The first retry's ceiling, and the least time between a failure and any new try. */
	baseMs?: number;
	maxMs?: number;
	random?: () => number;
}

/**
 * How long to wait before retry number `attempt` (from 0): the ceiling doubles from baseMs up to
 * maxMs, and the wait is a random point in its upper half, so the tabs of one office that lost the
 * server together don't come back in step.
 */
export function backoffDelay(attempt: number, { baseMs = 1000, maxMs = 30_000, random = Math.random }: BackoffOptions = {}): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * One request retried while it fails: after each failure the next try is scheduled further out;
 * an outside signal (a reconnect, the tab becoming visible) may try sooner, though never within
 * baseMs of the last failure, so a burst of signals during an outage is not a burst of requests.
 */
export class Retry {
	#timer: ReturnType<typeof setTimeout> | null = null;
	#failures = 0;
	#failedAt = -Infinity;
	#stopped = false;
	readonly #run: () => void;
	readonly #opts: BackoffOptions;

	constructor(run: () => void, opts: BackoffOptions = {}) {
		this.#run = run;
		this.#opts = opts;
	}

	/** A retry is scheduled: the request is failing. */
	get waiting(): boolean {
		return this.#timer !== null;
	}

	/** Whether to try now; if so, the scheduled retry gives way to this try. */
	begin(): boolean {
		if (this.#timer && Date.now() - this.#failedAt < (this.#opts.baseMs ?? 1000)) return false;
		this.#cancel();
		return true;
	}

	failed(): void {
		this.#cancel();
		this.#failedAt = Date.now();
		if (this.#stopped) return;
		this.#timer = setTimeout(
			() => {
				this.#timer = null;
				this.#run();
			},
			backoffDelay(this.#failures++, this.#opts)
		);
	}

	succeeded(): void {
		this.#cancel();
		this.#failures = 0;
	}

	/** No more scheduled retries (the page that owned them is gone) until start(). */
	stop(): void {
		this.#stopped = true;
		this.#cancel();
	}

	start(): void {
		this.#stopped = false;
	}

	#cancel() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
