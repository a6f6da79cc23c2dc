import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_MESSAGE, FAILED_MESSAGE, orThrow, request } from './client';
import * as cards from './cards';
import { services } from './sections';

const calls: { url: string; init: RequestInit }[] = [];
function answer(res: Response | Error) {
	calls.length = 0;
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string, init: RequestInit) => {
			calls.push({ url, init });
			if (res instanceof Error) throw res;
			return res;
		})
	);
}
afterEach(() => {
	vi.unstubAllGlobals();
});
const jsonRes = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('$lib/api client', () => {
	it('answers the data of a success', async () => {
		answer(jsonRes({ value: 'x', version: 3 }));
		expect(await request('GET', '/api/x')).toEqual({ ok: true, data: { value: 'x', version: 3 } });
	});

	it('turns a refusal into an ApiError with the Spanish sentence, field errors and the whole body', async () => {
		const body = { message: 'Alguien más cambió este campo.', errors: { value: ['Cambió.'] }, conflict: { theirs: 'b' } };
		answer(jsonRes(body, 409));
		const r = await request('PATCH', '/api/x', { a: 1 });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error).toBeInstanceOf(ApiError);
		expect(r.error).toMatchObject({ status: 409, message: 'Alguien más cambió este campo.', errors: { value: ['Cambió.'] } });
		expect(r.error.body.conflict).toEqual({ theirs: 'b' });
	});

	it('gives an answer that is not JSON (a proxy error page) the generic Spanish sentence', async () => {
		answer(new Response('<html>502</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
		const r = await request('GET', '/api/x');
		expect(r).toMatchObject({ ok: false, error: { status: 502, message: FAILED_MESSAGE, errors: {} } });
	});

	it('reports a dropped network as status 0 instead of throwing', async () => {
		answer(new TypeError('Failed to fetch'));
		const r = await request('GET', '/api/x');
		expect(r).toMatchObject({ ok: false, error: { status: 0, message: NETWORK_MESSAGE } });
	});

	it('orThrow returns the data or throws the same ApiError', async () => {
		expect(orThrow({ ok: true, data: 5 })).toBe(5);
		const error = new ApiError(403, 'No tienes permiso.');
		expect(() => orThrow({ ok: false, error })).toThrow(error);
	});

	it('sends JSON bodies with their content type and FormData as is', async () => {
		answer(jsonRes({ ok: true }));
		await request('POST', '/api/x', { a: 1 });
		expect(calls[0].init.body).toBe('{"a":1}');
		expect((calls[0].init.headers as Record<string, string>)['content-type']).toBe('application/json');
		const form = new FormData();
		await request('POST', '/api/x', form);
		expect(calls[1].init.body).toBe(form);
		expect((calls[1].init.headers as Record<string, string>)['content-type']).toBeUndefined();
	});

	it('names each endpoint once: the card field autosave and a services action', async () => {
		answer(jsonRes({ value: 'x', version: 2 }));
		await cards.saveField('c 1', { field: 'comments', value: 'x', baseVersion: 1, baseValue: '' });
		expect(calls[0]).toMatchObject({ url: '/api/instalaciones/c%201/campo', init: { method: 'PATCH' } });
		await services.act('c1', { action: 'quitar', id: 'a1' });
		expect(calls[1].url).toBe('/api/instalaciones/c1/servicios');
		expect(JSON.parse(String(calls[1].init.body))).toEqual({ action: 'quitar', id: 'a1' });
		await cards.history('c1', { kind: 'stage', user: '' });
		expect(calls[2].url).toBe('/api/instalaciones/c1/historial?kind=stage');
	});
});
