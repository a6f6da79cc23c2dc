import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth';
import { ServiceError } from '../services/errors';
import { byAction, endpoint } from './endpoint';

// The wrapper hands handlers the database; these handlers never touch it.
const DB_KEY = Symbol.for('tablero.db');
const holder = globalThis as Record<symbol, unknown>;
let saved: unknown;
beforeAll(() => {
	saved = holder[DB_KEY];
	holder[DB_KEY] = Promise.resolve({ fake: true });
});
afterAll(() => {
	holder[DB_KEY] = saved;
});

const agent = { id: 'u1', orgId: 'o1', role: 'agent', name: 'Ana' } as unknown as SessionUser;
const technician = { ...agent, role: 'technician' } as SessionUser;

function event(body: BodyInit | null, user: SessionUser | null = agent, headers: Record<string, string> = {}): RequestEvent {
	const request = new Request('http://localhost/api/x', {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/json', ...headers },
		...(body instanceof ReadableStream ? { duplex: 'half' } : {})
	} as RequestInit);
	return { locals: { user }, params: { id: 'c1' }, url: new URL(request.url), request } as unknown as RequestEvent;
}

const schema = z.object({ nombre: z.string().min(2, 'Escribe el nombre.'), edad: z.number({ error: 'Escribe la edad.' }) });
const echo = endpoint({ body: schema, maxBytes: 100 }, async ({ body }) => ({ got: body }));

describe('endpoint', () => {
	it('parses the body with the schema and answers the result as JSON', async () => {
		const res = await echo(event(JSON.stringify({ nombre: 'Ana', edad: 3 })));
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ got: { nombre: 'Ana', edad: 3 } });
	});

	it('refuses a declared body over the cap with 413 before reading it', async () => {
		const res = await echo(event(JSON.stringify({ nombre: 'x'.repeat(200), edad: 1 })));
		expect(res.status).toBe(413);
		expect((await res.json()).message).toBe('Los datos enviados son demasiado grandes.');
	});

	it('cuts a streamed body without a length as soon as it passes the cap', async () => {
		let pulled = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled++;
				if (pulled > 1000) controller.close();
				else controller.enqueue(new TextEncoder().encode('x'.repeat(60)));
			}
		});
		const res = await echo(event(stream));
		expect(res.status).toBe(413);
		expect(pulled).toBeLessThan(10);
	});

	it('answers malformed JSON with a Spanish 400', async () => {
		const res = await echo(event('{"nombre": '));
		expect(res.status).toBe(400);
		expect((await res.json()).message).toBe('No pudimos leer los datos enviados: recarga la página e intenta de nuevo.');
	});

	it('answers a schema failure with 400 and the Spanish message of each field', async () => {
		const res = await echo(event(JSON.stringify({ nombre: 'A' })));
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body.message).toBe('Escribe el nombre.');
		expect(body.errors).toEqual({ nombre: ['Escribe el nombre.'], edad: ['Escribe la edad.'] });
	});

	it('maps a ServiceError to its status, sentence and field errors', async () => {
		const refuse = endpoint({}, async () => {
			throw new ServiceError(409, 'Alguien más cambió la tarjeta.', { campo: ['Cambió.'] });
		});
		const res = await refuse(event(null));
		expect(res.status).toBe(409);
		expect(await res.json()).toEqual({ message: 'Alguien más cambió la tarjeta.', errors: { campo: ['Cambió.'] } });
	});

	it('maps a database data exception (SQLSTATE 22) to a Spanish 400', async () => {
		const refuse = endpoint({}, async () => {
			throw Object.assign(new Error('query failed'), { cause: { code: '22P05' } });
		});
		const res = await refuse(event(null));
		expect(res.status).toBe(400);
		expect((await res.json()).message).toMatch(/no se puede guardar/);
	});

	it('rethrows a dropped connection so the hook answers 503', async () => {
		const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		const fails = endpoint({}, async () => {
			throw down;
		});
		await expect(fails(event(null))).rejects.toBe(down);
	});

	it('refuses a role that may not act with 403 before reading the body', async () => {
		const body = new ReadableStream<Uint8Array>({
			pull() {
				throw new Error('the body was read');
			}
		});
		const guarded = endpoint({ roles: ['admin', 'agent'], what: 'cambiar los cobros', body: true }, async () => ({ ran: true }));
		const res = await guarded(event(body, technician));
		expect(res.status).toBe(403);
		expect((await res.json()).message).toBe('Tu rol no permite cambiar los cobros. Pide ayuda a un coordinador.');
		expect((await guarded(event('{}', agent))).status).toBe(200);
	});

	it('answers 401 without a user (the hook normally answers first)', async () => {
		const res = await echo(event('{}', null));
		expect(res.status).toBe(401);
	});

	it('passes a Response through and answers {ok: true} for nothing', async () => {
		const created = endpoint({}, async () => new Response('hecho', { status: 201 }));
		expect((await created(event(null))).status).toBe(201);
		const nothing = endpoint({}, async () => undefined);
		expect(await (await nothing(event(null))).json()).toEqual({ ok: true });
	});
});

describe('byAction', () => {
	const sut = endpoint({ body: true }, ({ body }) => byAction(body, { guardar: async (b) => ({ got: b.valor }) }));
	const post = (body: unknown) => sut(event(JSON.stringify(body)));

	it('runs the handler the action names', async () => {
		const res = await post({ action: 'guardar', valor: 3 });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ got: 3 });
	});

	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'desconocida'])(
		'refuses the action «%s» with a Spanish 400',
		async (action) => {
			const res = await post({ action });
			expect(res.status).toBe(400);
			expect((await res.json()).message).toMatch(/Acción desconocida/);
		}
	);

	it('refuses a body that is not an object', async () => {
		for (const body of [null, 7, 'guardar', ['guardar']]) expect((await post(body)).status).toBe(400);
	});
});
