import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { refusalResponse as jsonError } from '../http/endpoint';
import { DATA_EXCEPTION_MESSAGE, refusalOf, ServiceError } from './errors';

const pgError = (code: string) => Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code });

describe('refusalOf', () => {
	it('keeps a service refusal as it is', () => {
		const err = new ServiceError(409, 'Otra persona cambió este dato.');
		expect(refusalOf(err)).toBe(err);
	});

	it('answers a value the database refused (SQLSTATE class 22) as a Spanish 400, also when Drizzle wraps it', () => {
		for (const err of [pgError('22021'), pgError('22007'), pgError('22P02'), new Error('Failed query', { cause: pgError('22003') })]) {
			expect(refusalOf(err)).toMatchObject({ status: 400, message: DATA_EXCEPTION_MESSAGE });
		}
	});

	it('answers a stray zod error with its (Spanish) message', () => {
		const err = z.string({ error: 'Escribe la nota.' }).safeParse(3).error!;
		expect(refusalOf(err)).toMatchObject({ status: 400, message: 'Escribe la nota.' });
	});

	it('leaves real bugs and outages alone', () => {
		expect(refusalOf(new TypeError('x is undefined'))).toBeNull();
		expect(refusalOf(pgError('57P01'))).toBeNull();
		expect(refusalOf(pgError('23505'))).toBeNull();
		expect(refusalOf({ code: 22021 })).toBeNull();
	});

	it('makes JSON endpoints answer 400, not 500, for a NUL byte that reached PostgreSQL', async () => {
		const res = jsonError(new Error('Failed query', { cause: pgError('22021') }));
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ message: DATA_EXCEPTION_MESSAGE });
		expect(() => jsonError(new TypeError('bug'))).toThrow(TypeError);
	});
});
