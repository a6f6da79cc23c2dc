import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formToObject, parseInput } from './validation';
import { ServiceError } from './services/errors';
import { UNSAFE_TEXT_MESSAGE, TOO_DEEP_MESSAGE, civilDateSchema } from '$lib/schemas/common';

const refusal = (fn: () => unknown): ServiceError => {
	try {
		fn();
	} catch (err) {
		expect(err).toBeInstanceOf(ServiceError);
		return err as ServiceError;
	}
	throw new Error('no se rechazó');
};
const own = (key: string, value: unknown) => Object.defineProperty({}, key, { value, enumerable: true });

describe('parseInput', () => {
	const schema = z.object({ name: z.string(), note: z.string().optional() });

	it.each([
		['a NUL byte', 'a\u0000b'],
		['a bell', 'campana\u0007'],
		['a lone high surrogate', 'x\ud800y'],
		['a lone low surrogate', 'x\udc00'],
		['a surrogate at the end', 'fin\ud83d']
	])('refuses %s anywhere in the input, unknown keys included, in Spanish', (_what, bad) => {
		expect(refusal(() => parseInput(schema, { name: bad })).message).toBe(UNSAFE_TEXT_MESSAGE);
		expect(refusal(() => parseInput(schema, { name: 'Ana', extra: [{ deep: bad }] })).fieldErrors).toEqual({
			'extra.0.deep': [UNSAFE_TEXT_MESSAGE]
		});
		expect(refusal(() => parseInput(schema, { name: 'Ana', [bad]: 'x' })).message).toBe(UNSAFE_TEXT_MESSAGE);
	});

	it('keeps text people type: accents, emoji (a whole surrogate pair), tabs and line breaks', () => {
		expect(parseInput(schema, { name: 'Ñandú 🐦', note: 'línea 1\r\nlínea\t2' })).toEqual({
			name: 'Ñandú 🐦',
			note: 'línea 1\r\nlínea\t2'
		});
	});

	it('refuses 2000-deep JSON with a sentence instead of walking it', () => {
		let deep: unknown = 'fondo';
		for (let i = 0; i < 2000; i++) deep = { a: deep };
		expect(refusal(() => parseInput(schema, { name: 'Ana', deep })).message).toBe(TOO_DEEP_MESSAGE);
	});

	it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
		'reports a bad value under the key «%s» without tripping on Object.prototype',
		(key) => {
			const err = refusal(() => parseInput(schema, { name: 'Ana', ...own(key, 'a\u0000b') }));
			expect(err.status).toBe(400);
			expect(Object.getPrototypeOf(err.fieldErrors)).toBe(Object.prototype);
			expect(Object.values(err.fieldErrors).flat()).toEqual([UNSAFE_TEXT_MESSAGE]);
		}
	);

	it('refuses an impossible date before an object-level check can do arithmetic with it', () => {
		const range = z
			.object({ desde: civilDateSchema('Escribe la fecha inicial.'), hasta: civilDateSchema('Escribe la fecha final.') })
			.refine((r) => new Date(`${r.desde}T00:00:00Z`).toISOString() <= r.hasta, { message: 'Rango al revés.' });
		for (const desde of ['2025-02-30', '2025-13-01', '0000-00-00', '2025-02-29']) {
			expect(refusal(() => parseInput(range, { desde, hasta: '2025-12-31' })).message).toBe('Escribe la fecha inicial.');
		}
	});
});

describe('formToObject', () => {
	it('drops a field named __proto__ instead of setting the prototype', () => {
		const form = new FormData();
		form.append('__proto__', 'x');
		form.append('constructor', 'y');
		form.append('name', 'Ana');
		const out = formToObject(form);
		expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
		expect(out).toEqual({ constructor: 'y', name: 'Ana' });
	});
});
