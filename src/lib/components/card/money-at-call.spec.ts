import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { costsAtCall } from './money-at-call';
import { formatPesosForInput } from '$lib/domain/money';

const data = {
	plans: [{ id: 'p1', name: 'Básico 60 Mbps', priceCents: 35_000 }],
	settings: { installationCostCents: 120_000, depositCents: 50_000 }
};

describe('costsAtCall', () => {
	it('uses the settings default until the card has its own cost', () => {
		const sut = costsAtCall({ installationCost: '', planId: 'p1', contractType: '12_meses' }, data);
		expect(sut).toMatchObject({ installationCents: 120_000, monthCents: 35_000, planName: 'Básico 60 Mbps' });
		expect(sut.deposit.payNowCents).toBe(170_000);
		expect(sut.deposit.sentence).toContain('$1,700.00');
	});

	it('indefinido: the deposit is part of the installation cost', () => {
		const sut = costsAtCall({ installationCost: '1,000', contractType: 'indefinido' }, data);
		expect(sut.deposit).toMatchObject({ payNowCents: 100_000, guaranteeCents: 50_000 });
		expect(sut.monthCents).toBeNull();
	});

	it('ignores a half-typed amount', () => {
		expect(costsAtCall({ installationCost: '12a' }, data).installationCents).toBe(120_000);
	});

	it('12 meses always pays installation + deposit; indefinido never more than the installation', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => {
				const v = { installationCost: formatPesosForInput(cents) };
				expect(costsAtCall({ ...v, contractType: '12_meses' }, data).deposit.payNowCents).toBe(cents + 50_000);
				expect(costsAtCall({ ...v, contractType: 'indefinido' }, data).deposit.payNowCents).toBe(cents);
			})
		);
	});
});
