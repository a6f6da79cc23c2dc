import { depositBreakdown, type DepositBreakdown } from '$lib/domain/billing';
import { parsePesos } from '$lib/domain/money';
import type { FieldValue } from '$lib/schemas/card';

interface Inputs {
	plans: { id: string; name: string; priceCents: number }[];
	settings: { installationCostCents: number; depositCents: number; promotionFreeInstallation: boolean };
}

export interface CallCosts {
	/** The installation's normal cost. */
	installationCents: number;
	/** The agent chose the free-installation promotion (and the provider offers it). */
	promotion: boolean;
	/** What the installation costs the customer now: 0 with the promotion. */
	chargedInstallationCents: number;
	monthCents: number | null;
	planName: string | null;
	deposit: DepositBreakdown;
}

/**
 * The amounts the agent reads on the call (process 3, steps 4 and 8): the card's installation
 * cost (or the provider's default while it's blank or being typed), whether the free-installation
 * promotion was chosen, the chosen plan's month, and the deposit for the chosen contract, computed
 * on the installation as charged (the same rule as domain/billing.ts `firstCharge`).
 */
export function costsAtCall(values: Record<string, FieldValue | undefined>, data: Inputs): CallCosts {
	const typed = typeof values.installationCost === 'string' && values.installationCost.trim() ? parsePesos(values.installationCost) : null;
	const installationCents = typed?.ok ? typed.cents : data.settings.installationCostCents;
	const plan = data.plans.find((p) => p.id === values.planId) ?? null;
	const contract = values.contractType === '12_meses' || values.contractType === 'indefinido' ? values.contractType : null;
	const promotion = values.promotionFreeInstallation === true && data.settings.promotionFreeInstallation;
	const chargedInstallationCents = promotion ? 0 : installationCents;
	return {
		installationCents,
		promotion,
		chargedInstallationCents,
		monthCents: plan?.priceCents ?? null,
		planName: plan?.name ?? null,
		deposit: depositBreakdown({
			contractType: contract,
			installationCostCents: chargedInstallationCents,
			depositCents: data.settings.depositCents
		})
	};
}
