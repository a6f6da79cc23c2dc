import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { billingDates, DEFAULT_PRORATION_POLICY, type ProrationPolicy, type ZoneBilling } from './billing-dates';
import { divisorDays, prorate, serviceCharge } from './proration';

const MONTHLY = 40_000; // $400.00

const policy = (extra: Partial<ProrationPolicy> = {}): ProrationPolicy => ({
	...DEFAULT_PRORATION_POLICY,
	...extra
});
const zone = (paymentDay: number): ZoneBilling => ({ paymentDay, mode: 'prepago' });

/** The one service item (proration, full month or nothing) for an installation. */
function sut(installationDate: string, paymentDay: number, extra: Partial<ProrationPolicy> = {}) {
	const p = policy(extra);
	const dates = billingDates({ registrationDate: installationDate, installationDate, zone: zone(paymentDay), policy: p });
	const items = serviceCharge(dates, MONTHLY, p);
	return items[items.length - 1];
}

describe('prorate', () => {
	it('uses the exact fraction, not the rounded daily rate', () => {
		expect(prorate(MONTHLY, 15, 30, false)).toEqual({
			exactCents: 20_000,
			amountCents: 20_000,
			dailyRateCents: 1_333,
			capped: false
		});
	});

	it('caps at one monthly price', () => {
		expect(prorate(MONTHLY, 31, 30, true)).toMatchObject({ amountCents: MONTHLY, capped: true });
	});

	it('refuses negative amounts or days', () => {
		expect(() => prorate(-1, 1, 30, true)).toThrow(/mensualidad/);
		expect(() => prorate(MONTHLY, -1, 30, true)).toThrow(/días de prorrateo/);
	});
});

describe('serviceCharge: table', () => {
	it('shows the arithmetic and the divisor rule: 15 días × $400.00 ÷ 30 (días de noviembre) = $200.00', () => {
		expect(sut('2026-11-13', 28)).toMatchObject({
			key: 'prorrateo',
			label: 'Prorrateo',
			amountCents: 20_000,
			detail: '13 nov 2026 – 27 nov 2026: 15 días (con el día de instalación) × $400.00 ÷ 30 (días de noviembre) = $200.00.'
		});
		expect(sut('2026-11-13', 28, { divisor: 'periodo', roundToPesos: false }).detail).toBe(
			'13 nov 2026 – 27 nov 2026: 15 días (con el día de instalación) × $400.00 ÷ 31 (días del periodo 28 oct 2026 – 27 nov 2026) = $193.55.'
		);
	});

	it.each([
		// installation, payment day, divisor, chargeInstallationDay, roundToPesos, expected centavos
		['2026-11-13', 28, 'mes', true, true, 20_000], // 15/30 of November
		['2026-11-13', 28, 'mes', false, true, 18_700], // 14/30 = 186.67 → 187
		['2026-11-13', 28, 'mes', false, false, 18_667],
		['2026-11-13', 28, 'periodo', true, true, 19_400], // 15/31 (28 oct – 27 nov) = 193.55 → 194
		['2026-11-13', 28, 'periodo', true, false, 19_355],
		['2026-11-13', 28, '30', true, true, 20_000],
		['2026-12-13', 28, 'mes', true, true, 19_400], // 15/31 of December
		['2026-12-13', 28, 'periodo', true, true, 20_000], // 15/30 (28 nov – 27 dic)
		['2026-12-13', 28, '30', true, true, 20_000],
		['2026-12-13', 28, '30', false, false, 18_667],
		// Payment day 31 in February (leap 2028 and common 2027).
		['2028-02-10', 31, 'mes', true, false, 26_207], // 19/29
		['2028-02-10', 31, 'periodo', true, false, 26_207], // 31 ene – 28 feb = 29 days
		['2028-02-10', 31, '30', true, true, 25_300], // 19/30 = 253.33
		['2027-02-10', 31, 'mes', true, true, 25_700], // 18/28 = 257.14
		['2027-02-10', 31, 'periodo', true, true, 25_700],
		['2027-02-10', 31, '30', true, false, 24_000], // 18/30
		// Installed on 28 Feb: payment day 28 (on it) and 29 (the clamped day is tomorrow in 2028).
		['2027-02-28', 28, 'mes', true, true, 40_000], // full period 28 feb – 27 mar over 28
		['2027-02-28', 28, 'mes', false, true, 34_800], // charged days 1–27 mar: 27/31 = 348.39
		['2027-02-28', 28, 'periodo', false, true, 38_600], // 27/28 = 385.71
		['2028-02-28', 29, 'mes', true, true, 1_400], // one day, 400/29 = 13.79
		['2028-02-28', 29, 'mes', false, true, 0],
		// Installed on the payment day itself: a whole period, never more than one month.
		['2026-11-28', 28, 'mes', true, true, 40_000],
		['2026-11-28', 28, '30', true, true, 40_000],
		['2026-04-30', 31, 'mes', true, true, 40_000], // 31 days over 30 → capped
		['2026-04-30', 31, 'periodo', true, true, 40_000],
		['2028-02-29', 31, 'mes', true, true, 40_000] // 31 days over 29 → capped
	] as const)('%s, day %i, ÷ %s, installation day %s, round %s → %i', (inst, day, divisor, chargeDay, round, cents) => {
		const item = sut(inst, day, { divisor, chargeInstallationDay: chargeDay, roundToPesos: round });
		expect(item.key).toBe('prorrateo');
		expect(item.amountCents).toBe(cents);
	});

	it('says when rounding or the cap changed the amount', () => {
		expect(sut('2026-11-13', 28, { chargeInstallationDay: false }).detail).toBe(
			'14 nov 2026 – 27 nov 2026: 14 días (sin el día de instalación) × $400.00 ÷ 30 (días de noviembre) = $186.67 → $187.00 (redondeo a pesos enteros).'
		);
		expect(sut('2026-04-30', 31).detail).toMatch(
			/31 días .*× \$400\.00 ÷ 30 .*= \$413\.33; se cobra como máximo una mensualidad: \$400\.00\.$/
		);
		expect(sut('2028-02-28', 29).detail).toBe(
			'28 feb 2028: 1 día (con el día de instalación) × $400.00 ÷ 29 (días de febrero) = $13.79 → $14.00 (redondeo a pesos enteros).'
		);
		expect(sut('2028-02-28', 29, { chargeInstallationDay: false }).detail).toBe(
			'No quedan días por cobrar antes de la fecha de pago (29 feb 2028).'
		);
	});

	describe('thresholds: days 1–5 full month, day ≥ 26 nothing now', () => {
		const rule = { fullMonthUntilDay: 5, skipFromDay: 26 };

		it.each([
			['2026-11-01', 1, 'mensualidad', 40_000],
			['2026-11-05', 1, 'mensualidad', 40_000],
			['2026-11-06', 1, 'prorrateo', 33_300], // 25/30 = 333.33
			['2026-11-25', 1, 'prorrateo', 8_000], // 6/30
			['2026-11-26', 1, 'prorrateo', 0],
			['2026-11-30', 1, 'prorrateo', 0],
			['2028-02-26', 1, 'prorrateo', 0],
			['2028-02-05', 1, 'mensualidad', 40_000],
			// In a DÍA 28 zone the days count from the period's start (28 oct).
			['2026-10-29', 28, 'mensualidad', 40_000],
			['2026-11-13', 28, 'prorrateo', 20_000],
			['2026-11-22', 28, 'prorrateo', 0]
		] as const)('%s, day %i → %s %i', (inst, day, key, cents) => {
			const item = sut(inst, day, rule);
			expect([item.key, item.amountCents]).toEqual([key, cents]);
		});

		it('explains them in Spanish', () => {
			expect(sut('2026-11-03', 1, rule).detail).toBe('Instalada el día 3 (días 1–5): mes completo, $400.00, hasta el 30 nov 2026.');
			expect(sut('2026-11-27', 1, rule).detail).toBe(
				'Instalada el día 27 (día 26 en adelante): nada ahora; la primera mensualidad completa se paga el 1 dic 2026.'
			);
			// In a DÍA 28 zone the day counted is the period's, and the text says so.
			expect(sut('2026-10-29', 28, rule).detail).toBe(
				'Instalada el día 2 del periodo (días 1–5): mes completo, $400.00, hasta el 27 nov 2026.'
			);
		});

		it('a free-days promotion replaces them', () => {
			const p = policy({ ...rule, freeDays: 10 });
			const dates = billingDates({ registrationDate: '2026-11-03', installationDate: '2026-11-03', zone: zone(1), policy: p });
			const items = serviceCharge(dates, MONTHLY, p);
			// Day 3 alone would charge the full month; instead 13–30 nov is prorated: 18/30.
			expect(items.map((i) => [i.key, i.amountCents])).toEqual([
				['dias_gratis', 0],
				['prorrateo', 24_000]
			]);
			expect(items[0].detail).toBe('10 días sin costo, hasta el 12 nov 2026.');
		});
	});

	it('divides by the month the charged days start in', () => {
		// Installed 25 nov with 10 free days: charged days run 5–27 dic.
		const p = policy({ divisor: 'mes', freeDays: 10 });
		const dates = billingDates({ registrationDate: '2026-11-25', installationDate: '2026-11-25', zone: zone(28), policy: p });
		expect(divisorDays(dates, p)).toBe(31);
		expect(divisorDays(dates, { divisor: 'periodo' })).toBe(30); // 28 nov – 27 dic
		expect(divisorDays(dates, { divisor: '30' })).toBe(30);
	});
});

describe('serviceCharge: properties', () => {
	const civilDate = fc
		.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
		.map((d) => d.toISOString().slice(0, 10));
	const thresholds = fc
		.tuple(fc.option(fc.integer({ min: 1, max: 15 })), fc.option(fc.integer({ min: 16, max: 31 })))
		.map(([fullMonthUntilDay, skipFromDay]) => ({ fullMonthUntilDay, skipFromDay }));
	const policyArb = fc
		.record({
			divisor: fc.constantFrom<ProrationPolicy['divisor']>('periodo', 'mes', '30'),
			chargeInstallationDay: fc.boolean(),
			roundToPesos: fc.boolean(),
			freeDays: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 }))
		})
		.chain((base) => thresholds.map((t) => policy({ ...base, ...t })));

	it('is never negative and never more than one monthly price', () => {
		fc.assert(
			fc.property(
				civilDate,
				fc.integer({ min: 1, max: 31 }),
				policyArb,
				fc.integer({ min: 0, max: 5_000_000 }),
				(inst, day, p, monthly) => {
					const dates = billingDates({ registrationDate: inst, installationDate: inst, zone: zone(day), policy: p });
					for (const item of serviceCharge(dates, monthly, p)) {
						expect(item.amountCents).toBeGreaterThanOrEqual(0);
						expect(item.amountCents).toBeLessThanOrEqual(monthly);
						expect(Number.isSafeInteger(item.amountCents)).toBe(true);
						expect(item.detail.length).toBeGreaterThan(0);
					}
				}
			)
		);
	});

	it('more charged days never cost less', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 5_000_000 }),
				fc.integer({ min: 0, max: 30 }),
				fc.integer({ min: 28, max: 31 }),
				fc.boolean(),
				(monthly, days, divisor, round) => {
					expect(prorate(monthly, days + 1, divisor, round).amountCents).toBeGreaterThanOrEqual(
						prorate(monthly, days, divisor, round).amountCents
					);
				}
			)
		);
	});
});

describe('tabla: montos concretos por política, umbral, febrero y día 31', async () => {
	const { billingDates, DEFAULT_PRORATION_POLICY } = await import('./billing-dates');
	const { serviceCharge: charge } = await import('./proration');
	const run = (install: string, paymentDay: number, over: Record<string, unknown>) => {
		const policy = { ...DEFAULT_PRORATION_POLICY, roundToPesos: false, ...over };
		const dates = billingDates({ registrationDate: install, installationDate: install, zone: { paymentDay, mode: 'prepago' }, policy });
		const items = charge(dates, 30_000, policy);
		return { pay: dates.firstPaymentDate, days: dates.prorationDays, item: items[items.length - 1] };
	};
	it.each([
		// install, pay day, policy, first payment, days, key, amount
		['2028-02-15', 1, { divisor: 'mes' }, '2028-03-01', 15, 'prorrateo', 15_517], // leap February: ÷ 29
		['2028-02-15', 1, { divisor: '30' }, '2028-03-01', 15, 'prorrateo', 15_000],
		['2028-02-15', 1, { divisor: 'periodo' }, '2028-03-01', 15, 'prorrateo', 15_517],
		['2027-02-15', 1, { divisor: 'mes' }, '2027-03-01', 14, 'prorrateo', 15_000], // ÷ 28
		['2028-02-15', 1, { divisor: '30', chargeInstallationDay: false }, '2028-03-01', 14, 'prorrateo', 14_000],
		['2026-01-31', 31, { divisor: 'periodo' }, '2026-02-28', 28, 'prorrateo', 30_000], // day 31 → Feb's last day
		['2026-01-31', 31, { divisor: 'mes' }, '2026-02-28', 28, 'prorrateo', 27_097],
		['2026-03-05', 1, { fullMonthUntilDay: 5, skipFromDay: 26 }, '2026-04-01', 27, 'mensualidad', 30_000],
		['2026-03-26', 1, { fullMonthUntilDay: 5, skipFromDay: 26 }, '2026-04-01', 6, 'prorrateo', 0],
		['2026-03-25', 1, { fullMonthUntilDay: 5, skipFromDay: 26 }, '2026-04-01', 7, 'prorrateo', 6_774],
		['2026-03-15', 15, { divisor: '30' }, '2026-04-15', 31, 'prorrateo', 30_000] // on the payment day: capped at one month
	] as const)('%s, día de pago %i, %o → %s', (install, day, over, pay, days, key, amount) => {
		const r = run(install, day, over);
		expect(r.pay).toBe(pay);
		expect(r.days).toBe(days);
		expect(r.item.key).toBe(key);
		expect(r.item.amountCents).toBe(amount);
	});
});

/** Issue 18: plan $350, zone with payment day 1, installation day charged unless said. */
describe("the provider's rules: the four cases of issue 18", () => {
	const PLAN = 35_000;
	const run = (install: string, over: Partial<ProrationPolicy>, paymentDay = 1) => {
		const p = policy(over);
		const dates = billingDates({ registrationDate: install, installationDate: install, zone: zone(paymentDay), policy: p });
		const items = serviceCharge(dates, PLAN, p);
		return { dates, item: items[items.length - 1] };
	};

	it('installed Mar 3 with "days 1–5 → full month": $350 now', () => {
		const { dates, item } = run('2026-03-03', { fullMonthUntilDay: 5 });
		expect([item.key, item.amountCents]).toEqual(['mensualidad', 35_000]);
		expect(item.detail).toBe('Instalada el día 3 (días 1–5): mes completo, $350.00, hasta el 31 mar 2026.');
		expect(dates.firstPaymentDate).toBe('2026-04-01');
	});

	it('installed Aug 27 with "day ≥ 26 → nothing now": $0 now, first full month on Sep 1', () => {
		const { dates, item } = run('2026-08-27', { skipFromDay: 26 });
		expect([item.key, item.amountCents]).toEqual(['prorrateo', 0]);
		expect(dates.firstPaymentDate).toBe('2026-09-01');
		expect(item.detail).toBe(
			'Instalada el día 27 (día 26 en adelante): nada ahora; la primera mensualidad completa se paga el 1 sep 2026.'
		);
	});

	it('installed Jul 15 with divisor 30: 17 días × 350 ÷ 30 = $198.33 → $198', () => {
		const { item } = run('2026-07-15', { divisor: '30' });
		expect(item.amountCents).toBe(19_800);
		expect(item.detail).toBe(
			'15 jul 2026 – 31 jul 2026: 17 días (con el día de instalación) × $350.00 ÷ 30 = $198.33 → $198.00 (redondeo a pesos enteros).'
		);
		// Rounding to centavos keeps the exact amount.
		expect(run('2026-07-15', { divisor: '30', roundToPesos: false }).item.amountCents).toBe(19_833);
	});

	it('installed Jun 15, installation day not charged, divisor = days of the month: 15 × 350 ÷ 30 = $175', () => {
		const { item } = run('2026-06-15', { divisor: 'mes', chargeInstallationDay: false });
		expect(item.amountCents).toBe(17_500);
		expect(item.detail).toBe('16 jun 2026 – 30 jun 2026: 15 días (sin el día de instalación) × $350.00 ÷ 30 (días de junio) = $175.00.');
	});

	it.each([
		// month ends, February in leap and common years, payment day 31
		['2026-01-31', 1, { divisor: 'mes' }, '2026-02-01', 1_100], // one day of January: 350/31 = 11.29 → 11
		['2026-12-31', 1, { divisor: '30', chargeInstallationDay: false }, '2027-01-01', 0], // nothing left to charge
		['2028-02-29', 1, { divisor: 'mes' }, '2028-03-01', 1_200], // leap day: 350/29 = 12.07 → 12
		['2027-02-15', 1, { divisor: 'mes' }, '2027-03-01', 17_500], // 14/28
		['2028-02-15', 1, { divisor: 'mes' }, '2028-03-01', 18_100], // 15/29 = 181.03 → 181
		['2027-02-10', 31, { divisor: '30' }, '2027-02-28', 21_000], // payment day 31 → 28 Feb: 10–27 Feb, 18/30
		['2028-02-10', 31, { divisor: 'mes' }, '2028-02-29', 22_900], // → 29 Feb: 10–28 Feb, 19/29 = 229.31
		['2026-04-30', 31, { divisor: 'mes' }, '2026-05-31', 35_000], // installed on the (clamped) payment day: a month, capped
		['2026-03-05', 1, { fullMonthUntilDay: 5, skipFromDay: 26 }, '2026-04-01', 35_000],
		['2026-03-06', 1, { fullMonthUntilDay: 5, skipFromDay: 26, divisor: '30' }, '2026-04-01', 30_300], // 26/30 = 303.33
		['2026-02-26', 1, { fullMonthUntilDay: 5, skipFromDay: 26 }, '2026-03-01', 0]
	] as const)('%s, payment day %i, %o → first payment %s, %i centavos', (install, day, over, pay, cents) => {
		const { dates, item } = run(install, over, day);
		expect(dates.firstPaymentDate).toBe(pay);
		expect(item.amountCents).toBe(cents);
	});
});
