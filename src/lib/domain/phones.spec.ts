import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './phones';

const nationalArb = fc
	.tuple(fc.constantFrom('998', '999', '984', '983', '222', '442', '55', '33', '81'), fc.nat())
	.map(([area, n]) => (area + String(n).padStart(10, '0')).slice(0, 10));

describe('parseMxPhone', () => {
	it.each([
		['998 123 4567'],
		['(998) 123-4567'],
		['998-123-4567'],
		['998.123.4567'],
		['9981234567'],
		['+52 998 123 4567'],
		['+52 1 998 123 4567'],
		['+521 998 123 4567'],
		['5219981234567'],
		['529981234567'],
		['52 998 123 4567'],
		['0052 998 123 4567'],
		['044 998 123 4567'],
		['045 998 123 4567'],
		['01 998 123 4567'],
		['tel:+529981234567'],
		['  998 123 4567  ']
	])('accepts %j as 9981234567', (input) => {
		expect(sut.parseMxPhone(input)).toEqual({ ok: true, value: '9981234567' });
	});

	it.each([
		[''],
		['   '],
		[null],
		[undefined],
		['hola'],
		['998 123 456'],
		['99812345678'],
		['1234567890'],
		['0000000000'],
		['998 123 4567 ext 12'],
		['998 123 4567 y 998 765 4321']
	])('refuses %j with the 10-digit sentence', (input) => {
		expect(sut.parseMxPhone(input)).toEqual({ ok: false, error: sut.PHONE_ERROR });
	});

	it('refuses foreign numbers with a sentence that says only Mexican numbers are taken', () => {
		expect(sut.parseMxPhone('+1 415 555 1234')).toEqual({
			ok: false,
			error: sut.PHONE_FOREIGN_ERROR
		});
	});

	it('the refusal is the sentence the UI shows', () => {
		expect(sut.PHONE_ERROR).toBe('Escribe un teléfono de 10 dígitos, por ejemplo 998 123 4567.');
	});

	it('property: every way of writing a valid number gives back the same 10 digits', () => {
		fc.assert(
			fc.property(nationalArb, (n) => {
				const shapes = [n, `+52 ${n}`, `+52 1 ${n}`, `521${n}`, `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`, sut.formatMxPhone(n)];
				for (const shape of shapes) {
					expect(sut.parseMxPhone(shape)).toEqual({ ok: true, value: n });
				}
			})
		);
	});

	it('property: a success is always exactly 10 digits', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 24 }), (s) => {
				const r = sut.parseMxPhone(s);
				expect(r.ok ? /^\d{10}$/.test(r.value) : r.error.length > 0).toBe(true);
			})
		);
	});
});

describe('formatMxPhone', () => {
	it.each([
		['9981234567', '998 123 4567'],
		['+52 1 998 123 4567', '998 123 4567'],
		['5512345678', '55 1234 5678'],
		['3312345678', '33 1234 5678'],
		['no sé', 'no sé'],
		[null, '']
	])('%j → %j', (input, expected) => {
		expect(sut.formatMxPhone(input)).toBe(expected);
	});
});

describe('links', () => {
	it('waLink builds a wa.me link with the country code and an encoded text', () => {
		expect(sut.waLink('998 123 4567', 'Hola José, ¿a qué hora?')).toBe(
			'https://wa.me/529981234567?text=Hola%20Jos%C3%A9%2C%20%C2%BFa%20qu%C3%A9%20hora%3F'
		);
	});

	it('waLink without text has no query string', () => {
		expect(sut.waLink('9981234567')).toBe('https://wa.me/529981234567');
	});

	it('links are null for an invalid phone so the UI can hide the button', () => {
		expect(sut.waLink('123', 'hola')).toBeNull();
		expect(sut.telLink('')).toBeNull();
	});

	it('telLink dials the international form', () => {
		expect(sut.telLink('(998) 123-4567')).toBe('tel:+529981234567');
	});
});
