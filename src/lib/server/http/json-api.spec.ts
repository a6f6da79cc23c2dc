import { describe, expect, it } from 'vitest';
import { dispatch } from './json-api';

const post = (body: unknown) =>
	new Request('http://localhost/x', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('dispatch', () => {
	const sut = (body: unknown) => dispatch(post(body), { guardar: async (b) => ({ got: b.valor }) });

	it('runs the handler the action names', async () => {
		const res = await sut({ action: 'guardar', valor: 3 });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ got: 3 });
	});

	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'desconocida'])(
		'refuses the action «%s» with a Spanish 400',
		async (action) => {
			const res = await sut({ action });
			expect(res.status).toBe(400);
			expect((await res.json()).message).toMatch(/Acción desconocida/);
		}
	);

	it('refuses a body that is not an object', async () => {
		for (const body of [null, 7, 'guardar', ['guardar']]) expect((await sut(body)).status).toBe(400);
	});
});
