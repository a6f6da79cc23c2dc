import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { translate } from '$lib/i18n/translate';
import {
	billingDates,
	DEFAULT_PRORATION_POLICY,
	depositBreakdown,
	firstCharge,
	installmentSchedule,
	REFUND_CONDITIONS,
	type ContractType,
	type ProrationPolicy
} from './billing';

// The screen words the first charge from its codes, documents from its Spanish strings: in Spanish
// both must read the same, and in English no Spanish may be left (the words the i18n scan looks for).
const SPANISH = /[áéíóúñ¿¡]|\b(de|del|el|la|las|los|con|sin|por|para|que|días?|mes|mensualidad|instalaci[oó]n|garant[ií]a|cliente)\b/i;
const MONTHS_ES = /\b(ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic)\b/;

const civilDate = fc
	.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const policy = fc.record<ProrationPolicy>({
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
});
const money = fc.record({
	monthlyPriceCents: fc.integer({ min: 0, max: 2_000_000 }),
	installationCostCents: fc.integer({ min: 0, max: 2_000_000 }),
	depositCents: fc.integer({ min: 0, max: 2_000_000 }),
	promotionFreeInstallation: fc.boolean(),
	contractType: fc.constantFrom<ContractType | null>('12_meses', 'indefinido', null)
});

function expectEnglish(text: string) {
	expect(text).not.toMatch(SPANISH);
	expect(text).not.toMatch(MONTHS_ES);
}

describe('the first charge in the reader’s language', () => {
	it('its codes read in Spanish exactly as the documents’ Spanish, and in English without Spanish', () => {
		fc.assert(
			fc.property(civilDate, fc.integer({ min: 1, max: 31 }), fc.boolean(), policy, money, (inst, paymentDay, pospago, p, m) => {
				const dates = billingDates({
					registrationDate: inst,
					installationDate: inst,
					zone: { paymentDay, mode: pospago ? 'pospago' : 'prepago' },
					policy: p
				});
				const sut = firstCharge({ dates, policy: p, ...m });
				for (const item of sut.items) {
					expect(translate(item.said.label, 'es')).toBe(item.label);
					expect(translate(item.said.detail, 'es')).toBe(item.detail);
					expectEnglish(translate(item.said.label, 'en'));
					expectEnglish(translate(item.said.detail, 'en'));
				}
				expect(sut.saidNotes.map((n) => translate(n, 'es'))).toEqual(sut.notes);
				for (const n of sut.saidNotes) expectEnglish(translate(n, 'en'));

				const deposit = depositBreakdown({
					contractType: m.contractType,
					installationCostCents: m.installationCostCents,
					depositCents: m.depositCents
				});
				expect(translate(deposit.said, 'es')).toBe(deposit.sentence);
				expectEnglish(translate(deposit.said, 'en'));
			}),
			{ numRuns: 300 }
		);
	});

	it('writes dates and month names the English way', () => {
		const p: ProrationPolicy = { ...DEFAULT_PRORATION_POLICY, divisor: 'mes' };
		const dates = billingDates({
			registrationDate: '2026-07-10',
			installationDate: '2026-07-10',
			zone: { paymentDay: 1, mode: 'prepago' },
			policy: p
		});
		const proration = firstCharge({
			dates,
			policy: p,
			monthlyPriceCents: 31_000,
			installationCostCents: 0,
			depositCents: 0,
			promotionFreeInstallation: false,
			contractType: null
		}).items.at(-1)!;
		expect(proration.detail).toContain('(días de julio)');
		expect(translate(proration.said.detail, 'en')).toMatch(/^Jul 10, 2026 – Jul 31, 2026: \d+ days .*÷ 31 \(days in July\)/);
	});

	it('names the refund conditions and the instalments in both languages', () => {
		for (const c of REFUND_CONDITIONS) {
			expect(translate({ code: c.code }, 'es')).toBe(c.label);
			expectEnglish(translate({ code: c.code }, 'en'));
		}
		const [first] = installmentSchedule({ priceCents: 300, installments: 3, startDate: '2026-11-28' });
		expect(translate(first.said, 'es')).toBe(first.label);
		expect(translate(first.said, 'en')).toBe('Payment 1 of 3');
	});
});
