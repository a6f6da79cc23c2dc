import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	billingDates,
	DEFAULT_PRORATION_POLICY,
	paymentDateAfter,
	paymentDateOnOrBefore,
	validateProrationPolicy,
	validateZoneBilling,
	type ProrationPolicy,
	type ZoneBilling
} from './billing-dates';
import { addDays, dateParts, daysInMonth, diffDays } from './dates';

const zone = (paymentDay: number, extra: Partial<ZoneBilling> = {}): ZoneBilling => ({
	paymentDay,
	mode: 'prepago',
	...extra
});
const policy = (extra: Partial<ProrationPolicy> = {}): ProrationPolicy => ({
	...DEFAULT_PRORATION_POLICY,
	...extra
});
const sut = (installationDate: string, z: ZoneBilling, p: ProrationPolicy = policy()) =>
	billingDates({ registrationDate: installationDate, installationDate, zone: z, policy: p });

const civilDate = fc
	.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const zoneArb = fc.record({
	paymentDay: fc.integer({ min: 1, max: 31 }),
	cutoffDay: fc.option(fc.integer({ min: 1, max: 31 })),
	graceDays: fc.option(fc.integer({ min: 0, max: 60 })),
	invoiceDay: fc.option(fc.integer({ min: 1, max: 31 })),
	mode: fc.constantFrom<'prepago' | 'pospago'>('prepago', 'pospago')
});
const policyArb = fc.record({
	divisor: fc.constantFrom<ProrationPolicy['divisor']>('periodo', 'mes', '30'),
	chargeInstallationDay: fc.boolean(),
	fullMonthUntilDay: fc.constant(null),
	skipFromDay: fc.constant(null),
	roundToPesos: fc.boolean(),
	freeDays: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 90 })),
	prontoPagoDays: fc.integer({ min: 0, max: 31 }),
	prontoPagoKind: fc.constantFrom('monto' as const, 'porcentaje' as const),
	prontoPagoDiscountCents: fc.integer({ min: 0, max: 100_000 }),
	prontoPagoPercent: fc.integer({ min: 0, max: 100 })
});

describe('paymentDateAfter / paymentDateOnOrBefore', () => {
	it.each([
		['2026-11-13', 28, '2026-11-28'],
		['2026-11-28', 28, '2026-12-28'],
		['2026-11-29', 28, '2026-12-28'],
		['2027-02-10', 31, '2027-02-28'],
		['2028-02-10', 31, '2028-02-29'],
		['2028-02-29', 31, '2028-03-31'],
		['2027-02-28', 30, '2027-03-30'],
		['2026-04-30', 31, '2026-05-31'],
		['2026-12-31', 1, '2027-01-01']
	])('after %s with day %i → %s', (date, day, expected) => {
		expect(paymentDateAfter(date, day)).toBe(expected);
	});

	it.each([
		['2026-11-13', 28, '2026-10-28'],
		['2026-11-28', 28, '2026-11-28'],
		['2026-03-15', 31, '2026-02-28'],
		['2028-03-15', 30, '2028-02-29']
	])('on or before %s with day %i → %s', (date, day, expected) => {
		expect(paymentDateOnOrBefore(date, day)).toBe(expected);
	});
});

describe('billingDates: table', () => {
	it('RB3 DÍA 28, installed on the 13th', () => {
		expect(sut('2026-11-13', zone(28))).toEqual({
			registrationDate: '2026-11-13',
			installationDate: '2026-11-13',
			mode: 'prepago',
			paymentDay: 28,
			firstPaymentDate: '2026-11-28',
			cutoffDate: '2026-11-28',
			invoiceDate: null,
			freeDaysUntil: null,
			prontoPagoDeadline: null,
			installationPeriodDay: 17,
			periodStart: '2026-10-28',
			periodDays: 31,
			prorationFrom: '2026-11-13',
			prorationTo: '2026-11-27',
			prorationDays: 15
		});
	});

	it('installed ON the payment day: the first payment is next month and a full period is prorated', () => {
		const d = sut('2026-11-28', zone(28));
		expect(d.firstPaymentDate).toBe('2026-12-28');
		expect(d.installationPeriodDay).toBe(1);
		expect([d.prorationFrom, d.prorationTo, d.prorationDays]).toEqual(['2026-11-28', '2026-12-27', 30]);
	});

	it('installed on a clamped payment day (31 → 29 Feb 2028) counts as the payment day', () => {
		const d = sut('2028-02-29', zone(31));
		expect(d.firstPaymentDate).toBe('2028-03-31');
		expect(d.installationPeriodDay).toBe(1);
		expect(d.prorationDays).toBe(31);
	});

	it.each([
		// installation, payment day, first payment, proration days (installation day charged / not)
		['2027-02-10', 31, '2027-02-28', 18, 17],
		['2028-02-10', 31, '2028-02-29', 19, 18],
		['2028-02-28', 29, '2028-02-29', 1, 0],
		['2027-02-28', 28, '2027-03-28', 28, 27],
		['2026-04-30', 31, '2026-05-31', 31, 30],
		['2026-11-30', 1, '2026-12-01', 1, 0]
	])('%s, day %i → pays %s; %i / %i prorated days', (inst, day, payment, withDay, withoutDay) => {
		expect(sut(inst, zone(day)).firstPaymentDate).toBe(payment);
		expect(sut(inst, zone(day)).prorationDays).toBe(withDay);
		const without = sut(inst, zone(day), policy({ chargeInstallationDay: false }));
		expect(without.prorationDays).toBe(withoutDay);
		expect(without.prorationFrom).toBe(withoutDay === 0 ? null : addDays(inst, 1));
	});

	it.each([
		[{ cutoffDay: 5 }, '2026-11-13', 28, '2026-12-05'],
		[{ cutoffDay: 5 }, '2026-11-13', 1, '2026-12-05'],
		[{ cutoffDay: 28 }, '2026-11-13', 28, '2026-11-28'],
		[{ graceDays: 3 }, '2026-11-13', 28, '2026-12-01'],
		[{ cutoffDay: 5, graceDays: 10 }, '2026-11-13', 28, '2026-12-05'],
		[{ cutoffDay: 30 }, '2027-02-10', 28, '2027-02-28'],
		[{ cutoffDay: 30 }, '2027-02-10', 31, '2027-03-30']
	])('cut-off %j, installed %s, day %i → %s', (extra, inst, day, expected) => {
		expect(sut(inst, zone(day, extra)).cutoffDate).toBe(expected);
	});

	it.each([
		[23, '2026-11-13', 28, '2026-11-23'],
		[23, '2026-11-25', 28, '2026-11-25'],
		[25, '2026-11-13', 1, '2026-11-25'],
		[1, '2026-11-13', 1, '2026-12-01']
	])('invoice day %i, installed %s, day %i → %s', (invoiceDay, inst, day, expected) => {
		expect(sut(inst, zone(day, { invoiceDay })).invoiceDate).toBe(expected);
	});

	it('pronto pago deadline is N days before the first payment, unless already past', () => {
		expect(sut('2026-11-13', zone(28), policy({ prontoPagoDays: 5 })).prontoPagoDeadline).toBe('2026-11-23');
		expect(sut('2026-11-25', zone(28), policy({ prontoPagoDays: 5 })).prontoPagoDeadline).toBeNull();
	});

	it('free days come first and push the first payment past their end', () => {
		const short = sut('2026-11-10', zone(28), policy({ freeDays: 10 }));
		expect([short.freeDaysUntil, short.firstPaymentDate, short.prorationFrom, short.prorationDays]).toEqual([
			'2026-11-19',
			'2026-11-28',
			'2026-11-20',
			8
		]);
		const long = sut('2026-11-25', zone(28), policy({ freeDays: 10 }));
		expect([long.freeDaysUntil, long.firstPaymentDate, long.prorationFrom, long.prorationDays]).toEqual([
			'2026-12-04',
			'2026-12-28',
			'2026-12-05',
			23
		]);
		const notDay = sut('2026-11-10', zone(28), policy({ freeDays: 1, chargeInstallationDay: false }));
		expect(notDay.freeDaysUntil).toBe('2026-11-11');
	});

	it('refuses bad input with Spanish sentences', () => {
		const base = { registrationDate: '2026-11-01', zone: zone(28), policy: policy() };
		expect(() => billingDates({ ...base, installationDate: '2026-02-30' })).toThrow(/fecha de instalación «2026-02-30» no es válida/);
		expect(() => billingDates({ ...base, registrationDate: '1/11/2026', installationDate: '2026-11-13' })).toThrow(/fecha de registro/);
		expect(() => sut('2026-11-13', zone(0))).toThrow(/día de pago de la zona/);
		expect(() => sut('2026-11-13', zone(28), policy({ fullMonthUntilDay: 26, skipFromDay: 26 }))).toThrow(/debe ser menor/);
	});
});

describe('validation', () => {
	it('accepts the defaults and a normal zone', () => {
		expect(validateProrationPolicy(policy())).toEqual([]);
		expect(validateZoneBilling(zone(28, { cutoffDay: 5, invoiceDay: 23 }))).toEqual([]);
	});

	it('lists every problem', () => {
		expect(validateZoneBilling({ paymentDay: 32, cutoffDay: 0, graceDays: -1, invoiceDay: 1.5, mode: 'x' as never })).toHaveLength(5);
		expect(
			validateProrationPolicy({
				...policy(),
				divisor: '31' as never,
				freeDays: -1,
				prontoPagoDays: 40,
				prontoPagoDiscountCents: 1.5,
				prontoPagoKind: 'gratis' as never,
				prontoPagoPercent: 101
			})
		).toHaveLength(6);
	});
});

describe('billingDates: properties', () => {
	it('the payment date has the zone day (or the month end), is after the installation, and is the first one', () => {
		fc.assert(
			fc.property(civilDate, zoneArb, policyArb, (inst, z, p) => {
				const d = sut(inst, z, p);
				const { year, month, day } = dateParts(d.firstPaymentDate);
				expect(day).toBe(Math.min(z.paymentDay, daysInMonth(year, month)));
				expect(d.firstPaymentDate > inst).toBe(true);
				const anchor = d.freeDaysUntil ?? inst;
				expect(d.firstPaymentDate > anchor).toBe(true);
				expect(paymentDateOnOrBefore(addDays(d.firstPaymentDate, -1), z.paymentDay) <= anchor).toBe(true);
			})
		);
	});

	it('proration stays inside one billing period and the other dates are in order', () => {
		fc.assert(
			fc.property(civilDate, zoneArb, policyArb, (inst, z, p) => {
				const d = sut(inst, z, p);
				expect(d.prorationDays).toBeGreaterThanOrEqual(0);
				expect(d.prorationDays).toBeLessThanOrEqual(d.periodDays);
				expect(d.periodDays).toBeGreaterThanOrEqual(28);
				expect(d.periodDays).toBeLessThanOrEqual(31);
				if (d.prorationFrom && d.prorationTo) {
					expect(diffDays(d.prorationFrom, d.prorationTo) + 1).toBe(d.prorationDays);
					expect(d.prorationFrom >= inst).toBe(true);
				} else {
					expect(d.prorationDays).toBe(0);
				}
				expect(d.installationPeriodDay).toBeGreaterThanOrEqual(1);
				expect(d.installationPeriodDay).toBeLessThanOrEqual(31);
				expect(d.cutoffDate >= d.firstPaymentDate).toBe(true);
				if (d.invoiceDate) {
					expect(d.invoiceDate >= inst && d.invoiceDate <= d.firstPaymentDate).toBe(true);
				}
				if (d.prontoPagoDeadline) {
					expect(d.prontoPagoDeadline >= inst && d.prontoPagoDeadline < d.firstPaymentDate).toBe(true);
				}
			})
		);
	});
});
