import type { Handle } from '@sveltejs/kit';
import { notFoundLine } from '../log-lines';
import { getLog, requestIdFrom, withRequestId } from '../log';
import { getMetrics } from '../metrics';

/**
 * First of all: the request's id (X-Request-Id, echoed) on every log line written while it is
 * served, its count and time in /metrics, and for a 404 one line (method, path, who), never a stack.
 */
export const handleRequest: Handle = ({ event, resolve }) => {
	const requestId = requestIdFrom(event.request.headers.get('x-request-id'));
	event.locals.requestId = requestId;
	const started = performance.now();
	const done = (status: number) => {
		const route = event.route.id ?? 'ninguna';
		const method = event.request.method;
		getMetrics().observeRequest(route, method, status, (performance.now() - started) / 1000);
		getLog().debug({ method, route, status, ms: Math.round(performance.now() - started) }, 'solicitud');
		if (status === 404)
			getLog().warn({ status, userId: event.locals.user?.id }, notFoundLine(method, event.url.pathname, event.locals.user?.id));
	};
	return withRequestId(requestId, async () => {
		try {
			const response = await resolve(event);
			response.headers.set('X-Request-Id', requestId);
			done(response.status);
			return response;
		} catch (err) {
			// A redirect or error thrown by a hook: SvelteKit turns it into the response.
			done((err as { status?: number }).status ?? 500);
			throw err;
		}
	});
};
