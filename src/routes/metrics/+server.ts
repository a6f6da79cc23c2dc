import { json } from '@sveltejs/kit';
import { isLocalClient } from '$lib/server/forms';
import { forwardedByProxy, metricsAccess } from '$lib/server/metrics-access';
import { getMetrics } from '$lib/server/metrics';

// Prometheus scrapes this (docs/deploy.md, «Métricas»).
export async function GET(event) {
	const { headers } = event.request;
	const local = isLocalClient(event) && (!!process.env.ADDRESS_HEADER || !forwardedByProxy(headers));
	const access = metricsAccess(headers.get('authorization'), local);
	if (access === 'hidden') return json({ message: 'Revisa la dirección, o vuelve al inicio.' }, { status: 404 });
	if (access === 'bad-token') {
		return json({ message: 'El token de métricas no es válido.' }, { status: 401, headers: { 'www-authenticate': 'Bearer' } });
	}
	const { registry } = getMetrics();
	return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
