/**
 * When the office TV turns to its summary slide (issue 21): the board stays for the interval the
 * admin chose minus the slide's own time, then the summary shows for SUMMARY_SHOW_MS. Pure timing;
 * the page owns the timers.
 */
export const SUMMARY_SHOW_MS = 20_000;
/** With the slide off, how often the TV asks again (so turning it on needs no reload). */
export const SUMMARY_POLL_MS = 5 * 60_000;
const MIN_BOARD_MS = 10_000;

/** Milliseconds the board shows before the next summary, or null when the summary is off. */
export function boardMsBeforeSummary(everyMinutes: number): number | null {
	if (!Number.isFinite(everyMinutes) || everyMinutes <= 0) return null;
	return Math.max(everyMinutes * 60_000 - SUMMARY_SHOW_MS, MIN_BOARD_MS);
}
