/**
 * A reload that never runs twice at once: called while a run is in flight, it asks for one more run
 * after that one ends, however many calls came meanwhile. A burst of «something changed» events
 * (a scan writing many notices, a reconnection) then costs two requests, not one per event, and the
 * last run starts after the last event, so what it reads is current.
 */
export function singleFlight(task: () => Promise<unknown>): () => Promise<void> {
	let running: Promise<void> | null = null;
	let again = false;
	const run = (): Promise<void> => {
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			try {
				await task();
			} catch {
				// The task shows its own failure; the next call tries again.
			} finally {
				running = null;
			}
			if (again) {
				again = false;
				await run();
			}
		})();
		return running;
	};
	return run;
}
