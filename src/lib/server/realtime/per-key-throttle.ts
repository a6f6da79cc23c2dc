/**
 * At most one call per key and window, without losing the last: the first call for a key goes out at
 * once, calls during the window that follows are folded into one more at its end, and so on while
 * they keep coming. A person's bell is told of a new notice at once, and of three hundred written by
 * one scan a few times, not three hundred.
 */
export function perKeyThrottle(send: (key: string) => void, windowMs: number) {
	/** Keys inside their window, and whether a call came during it. */
	const waiting = new Map<string, { again: boolean; timer: ReturnType<typeof setTimeout> }>();

	const open = (key: string) => {
		const state = { again: false, timer: setTimeout(() => close(key), windowMs) };
		state.timer.unref?.();
		waiting.set(key, state);
	};
	const close = (key: string) => {
		const state = waiting.get(key);
		waiting.delete(key);
		if (!state?.again) return;
		send(key);
		open(key);
	};

	return {
		call(key: string): void {
			const state = waiting.get(key);
			if (state) {
				state.again = true;
				return;
			}
			send(key);
			open(key);
		},
		/** Drops what is waiting (the server is closing). */
		stop(): void {
			for (const state of waiting.values()) clearTimeout(state.timer);
			waiting.clear();
		}
	};
}
