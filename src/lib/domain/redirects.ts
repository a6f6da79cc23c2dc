/**
 * Where to send someone after signing in, from the `next` parameter an earlier redirect put in
 * the login URL. Only a path of this app is accepted; anything else sends to the fallback.
 *
 * Browsers read a Location header with their own URL parser, which treats `\` as `/` and drops
 * tabs and newlines, so `/\evil.example` or `/\t/evil.example` become `//evil.example`: another
 * site. Checking for a leading `//` alone misses those, so this refuses backslashes and every
 * character outside printable ASCII (the app's own redirects percent-encode their paths), then
 * resolves the rest with the same WHATWG parser and keeps it only if it stays on the origin.
 */
const MAX_LENGTH = 2048;

/** Where each role works: a technician's day starts on their own jobs, everyone else's on the board. */
export const homeFor = (role: string): string => (role === 'technician' ? '/tecnico' : '/tablero');
const PROBE_ORIGIN = 'http://tablero.invalid';

export function safeNextPath(next: string | null | undefined, fallback = '/tablero'): string {
	if (!next || next.length > MAX_LENGTH) return fallback;
	if (!next.startsWith('/') || next.startsWith('//')) return fallback;
	if (!/^[\x21-\x7e]+$/.test(next) || next.includes('\\')) return fallback;
	let resolved: URL;
	try {
		resolved = new URL(next, PROBE_ORIGIN);
	} catch {
		return fallback;
	}
	if (resolved.origin !== PROBE_ORIGIN) return fallback;
	// `/.//evil.example` is same-origin as written, but its normalised path starts with `//`; a
	// redirect that ever re-serialised it would leave the site, so it is refused here too.
	if (resolved.pathname.startsWith('//')) return fallback;
	return next;
}
