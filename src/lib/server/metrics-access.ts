import { timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'allowed' | 'bad-token' | 'hidden';

/**
 * Who may read /metrics: a scraper with `Authorization: Bearer <METRICS_TOKEN>`, or this machine
 * without a token. A wrong token is told so (401); anyone else does not learn the page exists (404).
 */
export function metricsAccess(authorization: string | null, local: boolean, token = process.env.METRICS_TOKEN || ''): MetricsAccess {
	if (authorization === null) return local ? 'allowed' : 'hidden';
	if (!token) return local ? 'bad-token' : 'hidden';
	const given = Buffer.from(authorization);
	const expected = Buffer.from(`Bearer ${token}`);
	return given.length === expected.length && timingSafeEqual(given, expected) ? 'allowed' : 'bad-token';
}

/**
 * A proxy on this machine makes every client's TCP address loopback; when ADDRESS_HEADER is not set
 * (so the client address is that peer), a request a proxy forwarded is not taken as local.
 */
export function forwardedByProxy(headers: Headers): boolean {
	return ['forwarded', 'x-forwarded-for', 'x-real-ip'].some((name) => headers.has(name));
}
