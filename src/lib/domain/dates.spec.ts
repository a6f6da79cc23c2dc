import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	addDays,
	addMonths,
	clampDay,
	compareDates,
	dateParts,
	daysInMonth,
	diffDays,
	formatDate,
	formatDateEs,
	formatDayShort,
	formatDateLong,
	isCivilDate,
	isLeapYear,
	parseDate,
	todayIn
} from './dates';

const civilDate = fc
	.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));

describe('daysInMonth / isLeapYear', () => {
	it.each([
		[2026, 2, 28],
		[2028, 2, 29],
		[2100, 2, 28],
		[2000, 2, 29],
		[2026, 4, 30],
		[2026, 12, 31]
	])('%i-%i has %i days', (year, month, days) => {
		expect(daysInMonth(year, month)).toBe(days);
	});

	it('refuses a month that does not exist', () => {
		expect(() => daysInMonth(2026, 13)).toThrow(/del 1 al 12/);
	});

	it('follows the Gregorian rule', () => {
		expect([1900, 2024, 2028, 2100, 2400].map(isLeapYear)).toEqual([false, true, true, false, true]);
	});
});

describe('formatDate / dateParts / isCivilDate', () => {
	it('pads and round-trips', () => {
		expect(formatDate(2026, 3, 5)).toBe('2026-03-05');
		expect(dateParts('2026-03-05')).toEqual({ year: 2026, month: 3, day: 5 });
	});

	it('rejects impossible dates with a Spanish message', () => {
		expect(() => formatDate(2027, 2, 29)).toThrow(/no existe/);
		expect(() => dateParts('2026-13-01')).toThrow(/AAAA-MM-DD/);
		expect(isCivilDate('2027-02-29')).toBe(false);
		expect(isCivilDate('2028-02-29')).toBe(true);
		expect(isCivilDate('2026-1-01')).toBe(false);
		expect(isCivilDate(20260101)).toBe(false);
	});
});

describe('parseDate', () => {
	it.each([
		['2026-11-21', '2026-11-21'],
		[' 21/11/2026 ', '2026-11-21'],
		['1/2/2028', '2028-02-01'],
		['29-02-2028', '2028-02-29']
	])('reads %j', (text, date) => {
		expect(parseDate(text)).toEqual({ ok: true, date });
	});

	it.each([
		['', /Escribe una fecha/],
		['mañana', /día\/mes\/año/],
		['31/04/2026', /no existe/],
		['29/02/2027', /no existe/]
	])('refuses %j', (text, message) => {
		const result = parseDate(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});
});

describe('addDays / diffDays', () => {
	it.each([
		['2026-11-21', 10, '2026-12-01'],
		['2028-02-28', 1, '2028-02-29'],
		['2027-02-28', 1, '2027-03-01'],
		['2026-12-31', 1, '2027-01-01'],
		['2026-03-08', 1, '2026-03-09'],
		['2026-01-01', -1, '2025-12-31']
	])('%s + %i = %s', (date, days, expected) => {
		expect(addDays(date, days)).toBe(expected);
		expect(diffDays(date, expected)).toBe(days);
	});

	it('round-trips for any date and offset', () => {
		fc.assert(
			fc.property(civilDate, fc.integer({ min: -4000, max: 4000 }), (date, n) => {
				const later = addDays(date, n);
				expect(isCivilDate(later)).toBe(true);
				expect(diffDays(date, later)).toBe(n);
				expect(addDays(later, -n)).toBe(date);
				expect(compareDates(later, date)).toBe(Math.sign(n));
			})
		);
	});

	it('refuses fractions of a day', () => {
		expect(() => addDays('2026-01-01', 0.5)).toThrow(/días completos/);
	});
});

describe('clampDay / addMonths', () => {
	it.each([
		[2027, 2, 31, '2027-02-28'],
		[2028, 2, 31, '2028-02-29'],
		[2028, 2, 30, '2028-02-29'],
		[2026, 4, 31, '2026-04-30'],
		[2026, 1, 31, '2026-01-31'],
		[2026, 6, 15, '2026-06-15']
	])('clampDay(%i, %i, %i) = %s', (y, m, d, expected) => {
		expect(clampDay(y, m, d)).toBe(expected);
	});

	it('refuses a day outside 1–31', () => {
		expect(() => clampDay(2026, 1, 32)).toThrow(/del 1 al 31/);
	});

	it('clamped day never leaves its month and keeps the day when it fits', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1901, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
				const p = dateParts(clampDay(y, m, d));
				expect([p.year, p.month]).toEqual([y, m]);
				expect(p.day).toBe(Math.min(d, daysInMonth(y, m)));
			})
		);
	});

	it.each([
		['2026-01-31', 1, '2026-02-28'],
		['2028-01-31', 1, '2028-02-29'],
		['2026-01-31', 2, '2026-03-31'],
		['2026-11-15', 3, '2027-02-15'],
		['2026-03-31', -1, '2026-02-28']
	])('addMonths(%s, %i) = %s', (date, n, expected) => {
		expect(addMonths(date, n)).toBe(expected);
	});
});

describe('todayIn', () => {
	it('applies the zone, not the server clock', () => {
		// 03:30 UTC on 21 Nov is still 20 Nov in Cancún (UTC−5) but 21 Nov in Madrid.
		const now = new Date('2026-11-21T03:30:00Z');
		expect(todayIn('America/Cancun', now)).toBe('2026-11-20');
		expect(todayIn('Europe/Madrid', now)).toBe('2026-11-21');
		expect(todayIn('America/Cancun', new Date('2026-11-21T05:00:00Z'))).toBe('2026-11-21');
	});

	it('returns a valid date for the current moment', () => {
		expect(isCivilDate(todayIn('America/Cancun'))).toBe(true);
	});

	it('explains an unknown zone in Spanish', () => {
		expect(() => todayIn('Cancun/Centro')).toThrow(/zona horaria «Cancun\/Centro» no existe/);
	});
});

describe('formatDateEs', () => {
	it.each([
		['2026-11-21', '21 nov 2026'],
		['2028-02-29', '29 feb 2028'],
		['2027-01-05', '5 ene 2027']
	])('%s → %s', (date, text) => {
		expect(formatDateEs(date)).toBe(text);
	});

	it('never shows a dot or an upper-case month', () => {
		fc.assert(
			fc.property(civilDate, (date) => {
				expect(formatDateEs(date)).toMatch(/^\d{1,2} [a-zñ]+ \d{4}$/);
			})
		);
	});
});

describe('formatDayShort', () => {
	it.each([
		['2026-11-30', 'es-MX', 'lun 30 de nov'],
		['2026-12-05', 'es-MX', 'sáb 5 de dic'],
		['2027-01-06', 'es-MX', 'mié 6 de ene'],
		['2026-11-30', 'en-US', 'Mon, Nov 30']
	])('%s in %s → %s', (date, locale, text) => {
		expect(formatDayShort(date, locale)).toBe(text);
	});

	it('is lower-case and dotless in Spanish for every day', () => {
		fc.assert(
			fc.property(civilDate, (date) => {
				expect(formatDayShort(date, 'es-MX')).toMatch(/^[a-zá-úñ]+ \d{1,2} de [a-zñ]+$/);
			})
		);
	});
});

describe('formatDateLong', () => {
	it.each([
		['2026-12-04', 'es', '4 de diciembre de 2026'],
		['2027-01-01', 'es', '1 de enero de 2027'],
		['2028-02-29', 'es', '29 de febrero de 2028'],
		['2026-12-04', 'en', 'December 4, 2026'],
		['2027-09-30', 'en', 'September 30, 2027']
	] as const)('%s in %s → %s', (date, locale, text) => {
		expect(formatDateLong(date, locale)).toBe(text);
	});

	it('writes every Spanish date as «D de mes de AAAA», lower-case and without abbreviations', () => {
		fc.assert(
			fc.property(civilDate, (date) => {
				const { day, year } = dateParts(date);
				expect(formatDateLong(date, 'es')).toMatch(new RegExp(`^${day} de [a-z]{4,10} de ${year}$`));
			})
		);
	});

	it('Spanish is the default', () => {
		expect(formatDateLong('2026-07-15')).toBe('15 de julio de 2026');
	});
});
