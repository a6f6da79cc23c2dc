import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { costsAtCall } from './money-at-call';
import { formatPesosForInput } from '$lib/domain/money';

const data = {
	plans: [{ id: 'p1', name: 'Básico 60 Mbps', priceCents: 35_000 }],
	settings: { installationCostCents: 120_000, depositCents: 50_000, promotionFreeInstallation: true }
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

	it('the promotion chosen on the call makes the installation $0, and the deposit follows it', () => {
		const twelve = costsAtCall({ planId: 'p1', contractType: '12_meses', promotionFreeInstallation: true }, data);
		expect(twelve).toMatchObject({ promotion: true, installationCents: 120_000, chargedInstallationCents: 0 });
		// 12 meses: the refundable deposit is still paid; the installation is not.
		expect(twelve.deposit).toMatchObject({ payNowCents: 50_000, installationCents: 0, guaranteeCents: 50_000 });
		const open = costsAtCall({ contractType: 'indefinido', promotionFreeInstallation: true }, data);
		expect(open.deposit).toMatchObject({ payNowCents: 0, guaranteeCents: 0 });
		expect(open.deposit.sentence).toBe('El cliente paga $0.00 de instalación; no queda monto en garantía.');
	});

	it('a provider without the promotion never applies it, whatever the card says', () => {
		const off = { ...data, settings: { ...data.settings, promotionFreeInstallation: false } };
		expect(costsAtCall({ promotionFreeInstallation: true }, off)).toMatchObject({ promotion: false, chargedInstallationCents: 120_000 });
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
