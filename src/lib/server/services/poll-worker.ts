/**
 * One background loop for the outboxes and scanners (WispHub, WhatsApp, notifications): a round
 * every `intervalMs`, sooner after a busy one, until stopped. A failing round is logged and the
 * next one tries again; nothing is ever thrown into the server.
 */
export interface PollWorker {
	stop(): Promise<void>;
	/** Runs a round now instead of waiting (after a new job was queued). */
	kick(): void;
}

export interface PollOptions {
	/** One round; returns how many items it handled (0: wait the whole interval). */
	run: () => Promise<number>;
	intervalMs: number;
	/** Delay before the first round (default: the interval). */
	firstDelayMs?: number;
	/** Delay after a round that handled something (default 50 ms). */
	busyDelayMs?: number;
	/** The log line for a failed round; never given a secret, only the error. */
	onError: (err: Error) => void;
}

export function startPolling({ run, intervalMs, firstDelayMs = intervalMs, busyDelayMs = 50, onError }: PollOptions): PollWorker {
	let stopped = false;
	let timer: NodeJS.Timeout | null = null;
	let running: Promise<void> = Promise.resolve();
	const schedule = (ms: number) => {
		timer = setTimeout(tick, ms);
		timer.unref();
	};
	const round = async () => {
		timer = null;
		let handled = 0;
		try {
			handled = await run();
		} catch (err) {
			// A database outage: the rows stay as they are and the next round takes them again.
			onError(err as Error);
		}
		if (!stopped) schedule(handled ? busyDelayMs : intervalMs);
	};
	const tick = () => {
		running = round();
	};
	schedule(firstDelayMs);
	return {
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			await running;
		},
		kick() {
			if (stopped || !timer) return;
			clearTimeout(timer);
			tick();
		}
	};
}
