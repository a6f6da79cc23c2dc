/**
 * /metrics (Prometheus text) and the request plumbing of the hooks: who may read the page, what
 * it shows, and the request id on responses and log lines.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { AppMetrics, getMetrics } from '$lib/server/metrics';
import { captureLog } from '$lib/server/log';
import { moveCard } from '$lib/server/services/moves';
import { handleRequest } from '$lib/server/http/request-hook';
import { handleError } from '../../src/hooks.server';
import { GET as metricsRoute } from '../../src/routes/metrics/+server';

const PDF_STATUS = { status: 'ready', browserPath: null, pid: null, pages: 3, busy: 2, queued: 5, launches: 1, rendered: 9 } as const;

function jsonLines() {
	const out: Record<string, unknown>[] = [];
	const stream = new Writable({
		write(chunk, _enc, done) {
			for (const line of String(chunk).split('\n').filter(Boolean)) out.push(JSON.parse(line));
			done();
		}
	});
	return { out, stream };
}

/** The series lines of one metric in Prometheus text. */
const series = (text: string, name: string) => text.split('\n').filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));

describe.each(drivers)('metrics on %s', (driver) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(async () => t.cleanup());

	it('shows outbox depths, sockets, the PDF pool, card moves and the database', async () => {
		const o = await makeOrg(t.db);
		const card = await makeCard(t.db, o.org.id);
		await t.db.query(`insert into wisphub_jobs (org_id, installation_id) values ($1, $2)`, [o.org.id, card.id]);
		const sut = new AppMetrics({ database: async () => t.db, pdf: () => PDF_STATUS, sockets: () => ({ '/': 3, '/pantalla': 1 }) });
		sut.countMove();
		sut.observeRequest('/api/instalaciones/[id]', 'PATCH', 200, 0.03);
		const text = await sut.registry.metrics();

		expect(series(text, 'tablero_outbox_pending')).toEqual([
			'tablero_outbox_pending{outbox="wisphub"} 1',
			'tablero_outbox_pending{outbox="whatsapp"} 0'
		]);
		expect(series(text, 'tablero_socket_clients_connected')).toEqual([
			'tablero_socket_clients_connected{namespace="/"} 3',
			'tablero_socket_clients_connected{namespace="/pantalla"} 1'
		]);
		expect(series(text, 'tablero_pdf_pages')).toEqual([
			'tablero_pdf_pages{state="busy"} 2',
			'tablero_pdf_pages{state="idle"} 1',
			'tablero_pdf_pages{state="queued"} 5'
		]);
		expect(series(text, 'tablero_card_moves_total')).toEqual(['tablero_card_moves_total 1']);
		expect(text).toContain('tablero_http_requests_total{route="/api/instalaciones/[id]",method="PATCH",status="200"} 1');
		expect(text).toContain(
			'tablero_http_request_duration_seconds_bucket{le="0.05",route="/api/instalaciones/[id]",method="PATCH",status="200"} 1'
		);
		if (driver === 'postgres') {
			const active = series(text, 'tablero_db_connections').find((l) => l.includes('state="active"'));
			expect(Number(active?.split(' ')[1])).toBeGreaterThanOrEqual(1);
		} else {
			expect(series(text, 'tablero_db_queue_length')).toEqual(['tablero_db_queue_length 0']);
		}
	});

	it('a scrape while the database is away leaves the database gauges empty instead of failing', async () => {
		const sut = new AppMetrics({ database: () => Promise.reject(new Error('ECONNREFUSED')), pdf: () => PDF_STATUS });
		const text = await sut.registry.metrics();
		expect(series(text, 'tablero_outbox_pending')).toEqual([]);
		expect(series(text, 'tablero_pdf_pages')).toHaveLength(3);
	});

	it('a card move through the service counts in the process metrics', async () => {
		const o = await makeOrg(t.db);
		const card = await makeCard(t.db, o.org.id);
		const count = async () => Number(series(await getMetrics().registry.metrics(), 'tablero_card_moves_total')[0]?.split(' ')[1] ?? 0);
		const before = await count();
		const res = await moveCard(t.db, o.agent, { cardId: card.id, toStage: 'preinstalacion', version: card.version });
		expect(res.ok).toBe(true);
		expect(await count()).toBe(before + 1);
	});
});

describe('/metrics access', () => {
	afterEach(() => vi.unstubAllEnvs());
	const get = (address: string, authorization?: string, extra: Record<string, string> = {}) =>
		metricsRoute({
			request: new Request('http://localhost/metrics', { headers: { ...extra, ...(authorization ? { authorization } : {}) } }),
			getClientAddress: () => address,
			locals: { user: null }
		} as unknown as Parameters<typeof metricsRoute>[0]);

	it('this machine reads it without a token, in Prometheus text', async () => {
		const res = await get('127.0.0.1');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		expect(await res.text()).toContain('# TYPE tablero_http_requests_total counter');
		expect((await get('::1')).status).toBe(200);
	});

	it('a request a proxy on this machine forwarded is not local', async () => {
		vi.stubEnv('ADDRESS_HEADER', '');
		expect((await get('127.0.0.1', undefined, { 'x-forwarded-for': '203.0.113.5' })).status).toBe(404);
		expect((await get('127.0.0.1', undefined, { forwarded: 'for=203.0.113.5' })).status).toBe(404);
	});

	it('anyone else needs Authorization: Bearer METRICS_TOKEN; a wrong one is a 401, none a 404', async () => {
		vi.stubEnv('METRICS_TOKEN', 'token-de-prueba-largo');
		expect((await get('203.0.113.5')).status).toBe(404);
		const wrong = await get('203.0.113.5', 'Bearer otro-token');
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
		expect((await wrong.json()).message).toBe('El token de métricas no es válido.');
		expect((await get('203.0.113.5', 'token-de-prueba-largo')).status).toBe(401);
		expect((await get('203.0.113.5', 'Bearer token-de-prueba-largo')).status).toBe(200);
	});

	it('without METRICS_TOKEN only this machine reads it', async () => {
		vi.stubEnv('METRICS_TOKEN', '');
		expect((await get('203.0.113.5', 'Bearer ')).status).toBe(404);
		expect((await get('10.0.0.8')).status).toBe(404);
	});
});

describe('request ids in the hooks', () => {
	let restore = () => {};
	afterEach(() => restore());

	const event = (path: string, routeId: string | null, headers: Record<string, string> = {}) =>
		({
			request: new Request(`http://localhost${path}`, { headers }),
			url: new URL(`http://localhost${path}`),
			route: { id: routeId },
			params: {},
			locals: {},
			cookies: { get: () => undefined, set: () => {}, delete: () => {} },
			isDataRequest: false,
			getClientAddress: () => '127.0.0.1'
		}) as unknown as RequestEvent;

	it('echo the client id, log a 404 in one line with it, and count the request', async () => {
		const { out, stream } = jsonLines();
		restore = captureLog(stream, 'info');
		const res = await handleRequest({
			event: event('/no-existe', null, { 'x-request-id': 'prueba-404' }),
			resolve: async () => new Response('no', { status: 404 })
		});
		expect(res.headers.get('x-request-id')).toBe('prueba-404');
		expect(out).toEqual([expect.objectContaining({ level: 'warn', requestId: 'prueba-404', status: 404, msg: '404 GET /no-existe' })]);
		expect(await getMetrics().registry.metrics()).toMatch(/tablero_http_requests_total\{route="ninguna",method="GET",status="404"\} \d+/);
	});

	it('make one when the client sends none, and name the request on an unexpected error', async () => {
		const { out, stream } = jsonLines();
		restore = captureLog(stream, 'info');
		const e = event('/api/x', '/api/x');
		const res = await handleRequest({ event: e, resolve: async () => new Response('ok') });
		const id = res.headers.get('x-request-id');
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		const shown = await handleError({ error: new Error('se rompió'), event: e, status: 500, message: 'Internal Error' });
		expect(shown).toEqual({ message: expect.stringMatching(/^Algo salió mal/) });
		expect(out).toEqual([
			expect.objectContaining({ level: 'error', requestId: id, route: '/api/x', err: expect.objectContaining({ message: 'se rompió' }) })
		]);
	});
});
