import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	billingDates,
	DEFAULT_PRORATION_POLICY,
	depositBreakdown,
	firstCharge,
	installmentSchedule,
	REFUND_CONDITIONS,
	type ContractType,
	type FirstChargeInput,
	type ProrationPolicy
} from './billing';
import { addMonths } from './dates';

const policy = (extra: Partial<ProrationPolicy> = {}): ProrationPolicy => ({
	...DEFAULT_PRORATION_POLICY,
	...extra
});

function input(overrides: Partial<FirstChargeInput> & { installationDate?: string } = {}): FirstChargeInput {
	const { installationDate = '2026-11-13', ...rest } = overrides;
	const p = rest.policy ?? policy();
	return {
		dates: billingDates({
			registrationDate: installationDate,
			installationDate,
			zone: { paymentDay: 28, mode: 'prepago' },
			policy: p
		}),
		monthlyPriceCents: 40_000,
		installationCostCents: 100_000,
		depositCents: 50_000,
		promotionFreeInstallation: false,
		contractType: '12_meses',
		policy: p,
		...rest
	};
}

describe('firstCharge', () => {
	it('12 meses: installation + deposit + proration', () => {
		const sut = firstCharge(input());
		expect(sut.items.map((i) => [i.key, i.label, i.amountCents])).toEqual([
			['instalacion', 'Instalación', 100_000],
			['garantia', 'Depósito en garantía', 50_000],
			['prorrateo', 'Prorrateo', 20_000]
		]);
		expect(sut.totalCents).toBe(170_000);
		expect(sut.notes).toEqual([]);
	});

	it('indefinido: the deposit is part of the installation, shown at $0', () => {
		const sut = firstCharge(input({ contractType: 'indefinido' }));
		expect(sut.items[1]).toMatchObject({
			key: 'garantia',
			label: 'Garantía incluida en la instalación',
			amountCents: 0,
			detail: 'Contrato indefinido: $500.00 de los $1,000.00 de instalación se consideran garantía en caso de cancelación.'
		});
		expect(sut.totalCents).toBe(120_000);
	});

	it('promotion: free installation, still itemised', () => {
		const sut = firstCharge(input({ promotionFreeInstallation: true, contractType: 'indefinido' }));
		expect(sut.items[0]).toMatchObject({ label: 'Instalación gratis (promoción)', amountCents: 0 });
		expect(sut.items[0].detail).toMatch(/Costo normal \$1,000\.00/);
		expect(sut.items[1].detail).toMatch(/no queda monto en garantía/);
		expect(sut.totalCents).toBe(20_000);
	});

	it('promotion with 12 meses keeps the refundable deposit', () => {
		expect(firstCharge(input({ promotionFreeInstallation: true })).totalCents).toBe(70_000);
	});

	it('no contract type yet: no deposit line and a note saying what is missing', () => {
		const sut = firstCharge(input({ contractType: null }));
		expect(sut.items.map((i) => i.key)).toEqual(['instalacion', 'prorrateo']);
		expect(sut.notes[0]).toMatch(/Falta elegir el tipo de contrato/);
	});

	it('full-month threshold charges one monthly price instead of proration', () => {
		const p = policy({ fullMonthUntilDay: 5, skipFromDay: 26 });
		const sut = firstCharge(input({ installationDate: '2026-10-30', policy: p }));
		expect(sut.items.at(-1)).toMatchObject({ key: 'mensualidad', amountCents: 40_000 });
		expect(sut.totalCents).toBe(190_000);
	});

	it('mentions pronto pago and pospago without charging them', () => {
		const p = policy({ prontoPagoDays: 5, prontoPagoDiscountCents: 5_000 });
		const base = input({ policy: p });
		const sut = firstCharge({ ...base, dates: { ...base.dates, mode: 'pospago' } });
		expect(sut.notes).toEqual([
			'Pronto pago: si paga la mensualidad del 28 nov 2026 a más tardar el 23 nov 2026 (5 días antes), se le descuenta $50.00.',
			'Zona de pospago: el servicio se cobra en la factura con fecha de pago 28 nov 2026.'
		]);
		expect(sut.totalCents).toBe(170_000);
	});

	it('pronto pago as a percentage of the month', () => {
		const p = policy({ prontoPagoDays: 3, prontoPagoKind: 'porcentaje', prontoPagoPercent: 10 });
		const sut = firstCharge(input({ policy: p }));
		expect(sut.notes).toContain(
			'Pronto pago: si paga la mensualidad del 28 nov 2026 a más tardar el 25 nov 2026 (3 días antes), se le descuenta el 10 % ($40.00).'
		);
		// A percentage of 0 or a kind without its amount says nothing.
		expect(firstCharge(input({ policy: { ...p, prontoPagoPercent: 0 } })).notes.some((n) => n.startsWith('Pronto pago'))).toBe(false);
		expect(
			firstCharge(input({ policy: { ...p, prontoPagoKind: 'monto', prontoPagoDiscountCents: 0 } })).notes.some((n) =>
				n.startsWith('Pronto pago')
			)
		).toBe(false);
	});

	it('refuses negative or fractional amounts in Spanish', () => {
		expect(() => firstCharge(input({ monthlyPriceCents: -1 }))).toThrow(/La mensualidad debe ser/);
		expect(() => firstCharge(input({ installationCostCents: 10.5 }))).toThrow(/costo de instalación/);
	});

	it('total always equals the sum of its items, none negative', () => {
		const civilDate = fc
			.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
			.map((d) => d.toISOString().slice(0, 10));
		fc.assert(
			fc.property(
				civilDate,
				fc.integer({ min: 1, max: 31 }),
				fc.record({
					divisor: fc.constantFrom<ProrationPolicy['divisor']>('periodo', 'mes', '30'),
					chargeInstallationDay: fc.boolean(),
					fullMonthUntilDay: fc.option(fc.integer({ min: 1, max: 10 })),
					skipFromDay: fc.option(fc.integer({ min: 20, max: 31 })),
					roundToPesos: fc.boolean(),
					freeDays: fc.integer({ min: 0, max: 30 }),
					prontoPagoDays: fc.integer({ min: 0, max: 10 }),
					prontoPagoKind: fc.constantFrom('monto' as const, 'porcentaje' as const),
					prontoPagoDiscountCents: fc.integer({ min: 0, max: 10_000 }),
					prontoPagoPercent: fc.integer({ min: 0, max: 100 })
				}),
				fc.record({
					monthlyPriceCents: fc.integer({ min: 0, max: 2_000_000 }),
					installationCostCents: fc.integer({ min: 0, max: 2_000_000 }),
					depositCents: fc.integer({ min: 0, max: 2_000_000 }),
					promotionFreeInstallation: fc.boolean(),
					contractType: fc.constantFrom<ContractType | null>('12_meses', 'indefinido', null)
				}),
				(inst, paymentDay, p, money) => {
					const dates = billingDates({
						registrationDate: inst,
						installationDate: inst,
						zone: { paymentDay, mode: 'prepago' },
						policy: p
					});
					const sut = firstCharge({ dates, policy: p, ...money });
					expect(sut.totalCents).toBe(sut.items.reduce((s, i) => s + i.amountCents, 0));
					for (const item of sut.items) expect(item.amountCents).toBeGreaterThanOrEqual(0);
					expect(new Set(sut.items.map((i) => i.key)).size).toBe(sut.items.length);
				}
			)
		);
	});
});

describe('depositBreakdown', () => {
	it.each([
		[
			'12_meses',
			100_000,
			50_000,
			{ payNowCents: 150_000, installationCents: 100_000, guaranteeCents: 50_000 },
			'El cliente paga $1,500.00 ($1,000.00 de instalación + $500.00 de garantía).'
		],
		[
			'indefinido',
			100_000,
			50_000,
			{ payNowCents: 100_000, installationCents: 50_000, guaranteeCents: 50_000 },
			'El cliente paga $1,000.00 de instalación; $500.00 se considera garantía en caso de cancelación.'
		],
		[
			'indefinido',
			30_000,
			50_000,
			{ payNowCents: 30_000, installationCents: 0, guaranteeCents: 30_000 },
			'El cliente paga $300.00 de instalación; $300.00 se considera garantía en caso de cancelación.'
		],
		[
			null,
			100_000,
			50_000,
			{ payNowCents: 100_000, installationCents: 100_000, guaranteeCents: 0 },
			'Elige el tipo de contrato (12 meses o indefinido) para explicar el depósito en garantía.'
		]
	] as const)('%s, installation %i, deposit %i', (contractType, installationCostCents, depositCents, amounts, sentence) => {
		const sut = depositBreakdown({ contractType, installationCostCents, depositCents });
		expect(sut).toMatchObject(amounts);
		expect(sut.sentence).toBe(sentence);
	});

	it('what is paid now is always installation part + guarantee part', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<ContractType | null>('12_meses', 'indefinido', null),
				fc.integer({ min: 0, max: 10_000_000 }),
				fc.integer({ min: 0, max: 10_000_000 }),
				(contractType, installationCostCents, depositCents) => {
					const sut = depositBreakdown({ contractType, installationCostCents, depositCents });
					expect(sut.installationCents + sut.guaranteeCents).toBe(sut.payNowCents);
					expect(sut.installationCents).toBeGreaterThanOrEqual(0);
				}
			)
		);
	});
});

describe('REFUND_CONDITIONS', () => {
	it('is the four conditions of process 3, step 8', () => {
		expect(REFUND_CONDITIONS.map((c) => c.label)).toEqual([
			'Tener su última factura pagada',
			'Pagar la penalización si tiene contrato',
			'Entregar módem y eliminador',
			'Tener el servicio de garantía anexado en el sistema'
		]);
		expect(Object.isFrozen(REFUND_CONDITIONS)).toBe(true);
	});
});

describe('installmentSchedule', () => {
	it('Promoción 3 meses: $1,000.00 in three monthly payments', () => {
		expect(installmentSchedule({ priceCents: 100_000, installments: 3, startDate: '2026-11-28' })).toMatchObject([
			{ number: 1, label: 'Mensualidad 1 de 3', date: '2026-11-28', amountCents: 33_334 },
			{ number: 2, label: 'Mensualidad 2 de 3', date: '2026-12-28', amountCents: 33_333 },
			{ number: 3, label: 'Mensualidad 3 de 3', date: '2027-01-28', amountCents: 33_333 }
		]);
	});

	it('keeps the 31st through February (2028 is leap)', () => {
		const dates = installmentSchedule({ priceCents: 3, installments: 3, startDate: '2028-01-31' }).map((i) => i.date);
		expect(dates).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
	});

	it('refuses nonsense in Spanish', () => {
		expect(() => installmentSchedule({ priceCents: 100, installments: 0, startDate: '2026-11-28' })).toThrow(/del 1 al 60/);
		expect(() => installmentSchedule({ priceCents: 100, installments: 3, startDate: '28/11/2026' })).toThrow(/primer pago/);
	});

	it('sums to the price exactly, with parts at most one centavo apart and never growing', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 60 }), (priceCents, installments) => {
				const sut = installmentSchedule({ priceCents, installments, startDate: '2026-01-31' });
				expect(sut).toHaveLength(installments);
				expect(sut.reduce((s, i) => s + i.amountCents, 0)).toBe(priceCents);
				const amounts = sut.map((i) => i.amountCents);
				expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
				amounts.slice(1).forEach((a, i) => expect(a).toBeLessThanOrEqual(amounts[i]));
				sut.forEach((i, n) => expect(i.date).toBe(addMonths('2026-01-31', n)));
			})
		);
	});
});
