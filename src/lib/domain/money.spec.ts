import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideRounded, formatMXN, formatPesosForInput, parsePesos, roundToPesos } from './money';

const cents = fc.integer({ min: 0, max: 10_000_000_000 });

describe('formatMXN', () => {
	it.each([
		[0, '$0.00'],
		[5, '$0.05'],
		[123450, '$1,234.50'],
		[100000000, '$1,000,000.00'],
		[-2550, '-$25.50']
	])('%i centavos → %s', (value, text) => {
		expect(formatMXN(value)).toBe(text);
	});

	it('refuses fractions of a centavo', () => {
		expect(() => formatMXN(1.5)).toThrow(/enteras/);
	});
});

describe('parsePesos', () => {
	it.each([
		['1,234.50', 123450],
		['$1234', 123400],
		['$ 1,234.5', 123450],
		['  350  ', 35000],
		['0.05', 5],
		['1234.', 123400],
		['1,000,000', 100000000],
		['$499 MXN', 49900],
		['MXN 10', 1000]
	])('reads %j as %i centavos', (text, expected) => {
		expect(parsePesos(text)).toEqual({ ok: true, cents: expected });
	});

	it.each([
		['', /Escribe una cantidad/],
		['-10', /negativa/],
		['1.234,50', /punto para los centavos/],
		['12,5', /punto para los centavos/],
		['10.999', /dos decimales/],
		['diez', /no es una cantidad válida/],
		['12,34,567', /no es una cantidad válida/],
		['99999999999999999', /demasiado grande/]
	])('refuses %j in Spanish', (text, message) => {
		const result = parsePesos(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});

	it('reads back whatever formatMXN and formatPesosForInput write', () => {
		fc.assert(
			fc.property(cents, (value) => {
				expect(parsePesos(formatMXN(value))).toEqual({ ok: true, cents: value });
				expect(parsePesos(formatPesosForInput(value))).toEqual({ ok: true, cents: value });
			})
		);
	});
});

describe('roundToPesos / divideRounded', () => {
	it.each([
		[19999, 20000],
		[19950, 20000],
		[19949, 19900],
		[0, 0],
		[-150, -200]
	])('roundToPesos(%i) = %i', (value, expected) => {
		expect(roundToPesos(value)).toBe(expected);
	});

	it('is a whole number of pesos within 50 centavos', () => {
		fc.assert(
			fc.property(cents, (value) => {
				const rounded = roundToPesos(value);
				expect(rounded % 100).toBe(0);
				expect(Math.abs(rounded - value)).toBeLessThanOrEqual(50);
			})
		);
	});

	it('rounds exact quotients half up', () => {
		expect(divideRounded(40000 * 15, 30)).toBe(20000);
		expect(divideRounded(1, 2)).toBe(1);
		expect(divideRounded(49900 * 7, 31)).toBe(11268);
		fc.assert(
			fc.property(cents, fc.integer({ min: 1, max: 400 }), (n, d) => {
				const q = divideRounded(n, d);
				expect(Math.abs(q * d - n) * 2).toBeLessThanOrEqual(d);
			})
		);
	});
});
