/** One-line log entries for expected refusals (no stack traces for a client's mistake). */

const MAX_PATH = 200;

/**
 * «404 GET /instalaciones/x (7d0c…)»: the path cut to 200 characters, control characters removed,
 * and who asked by user id (never an email: the log holds no personal data). It is the `msg` of
 * the JSON log line (log.ts), beside the request id.
 */
export function notFoundLine(method: string, path: string, who?: string | null): string {
	// eslint-disable-next-line no-control-regex -- a path with control characters must not forge log lines
	const clean = path.replace(/[\u0000-\u001f\u007f]/g, '?');
	const shown = clean.length > MAX_PATH ? `${clean.slice(0, MAX_PATH)}…` : clean;
	return `404 ${method} ${shown}${who ? ` (${who})` : ''}`;
}
