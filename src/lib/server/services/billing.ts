/**
 * Billing dates and the first charge of a card (process 4, step 2), computed by the pure rules in
 * $lib/domain/billing and stored as a snapshot in installations.billing, so the agendada guard
 * (billingComputed) and the documents read the same numbers the coordinator saw.
 */
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import * as billingDb from '../db/billing';
import type { BillingInputsRow } from '../db/billing';
import * as organizations from '../db/organizations';
import { orgSettings } from './board';
import { notFound } from './errors';
import { requireStaff } from './roles';
import { readSettings, type OrgSettings } from '$lib/schemas/settings';
import { billingDates, firstCharge, installmentSchedule, REFUND_CONDITIONS, type ProrationPolicy } from '$lib/domain/billing';
import { parseInput } from '../validation';
import type { BillingSnapshot, BillingView, ProductLine } from '$lib/types/card-views';
import { uuidSchema } from '$lib/schemas/common';
import { coded, type Coded } from '$lib/domain/coded';

export type { BillingSnapshot, ProductLine } from '$lib/types/card-views';

export function policyOf(settings: OrgSettings): ProrationPolicy {
	return { ...settings.proration };
}

const MISSING: { lacks: (row: BillingInputsRow) => boolean; es: string; code: string }[] = [
	{ lacks: (row) => !row.zoneId, es: 'la zona (RB)', code: 'billing.missing_zone' },
	{ lacks: (row) => !row.installationDate, es: 'la fecha de instalación', code: 'billing.missing_installation_date' },
	{ lacks: (row) => row.planPriceCents == null, es: 'el plan de internet', code: 'billing.missing_plan' }
];

/** What is still missing to compute, in Spanish (for documents); empty when the breakdown can be shown. */
export function missingInputs(row: BillingInputsRow): string[] {
	return MISSING.filter((x) => x.lacks(row)).map((x) => x.es);
}

/** The same, as codes for the screen in the reader's language. */
export const saidMissing = (row: BillingInputsRow): Coded[] => MISSING.filter((x) => x.lacks(row)).map((x) => coded(x.code));

export function computeSnapshot(row: BillingInputsRow, settings: OrgSettings, now = new Date()): BillingSnapshot | null {
	if (missingInputs(row).length) return null;
	const policy = policyOf(settings);
	const dates = billingDates({
		registrationDate: row.registeredOn,
		installationDate: row.installationDate!,
		zone: {
			paymentDay: row.paymentDay!,
			cutoffDay: row.cutoffDay,
			graceDays: row.graceDays,
			invoiceDay: row.invoiceDay,
			mode: row.billingMode ?? 'prepago'
		},
		policy
	});
	const charge = firstCharge({
		dates,
		monthlyPriceCents: row.planPriceCents!,
		installationCostCents: row.installationCostCents ?? settings.installationCostCents,
		depositCents: settings.depositCents,
		promotionFreeInstallation: row.promotionFreeInstallation,
		contractType: row.contractType,
		policy
	});
	return {
		computedAt: now.toISOString(),
		zoneName: row.zoneName!,
		planName: row.planName!,
		monthlyPriceCents: row.planPriceCents!,
		dates,
		charge
	};
}

/**
 * THE first charge of one card, itemised (installation or free installation, deposit, free days,
 * prorated or full first month) with its dates, under the provider's current rules; null with what
 * is missing when zone, date or plan is not set yet. The card's billing section, the call script
 * (through it), the installation sheet and the contract all read this one computation.
 */
export async function cardFirstCharge(
	exec: Executor,
	orgId: string,
	installationId: string
): Promise<{ snapshot: BillingSnapshot | null; missing: string[] } | null> {
	const row = await billingDb.inputsOf(exec, orgId, installationId);
	if (!row) return null;
	const settings = readSettings(await organizations.settingsOf(exec, orgId));
	return { snapshot: computeSnapshot(row, settings), missing: missingInputs(row) };
}

/**
 * Recomputes and stores the snapshot (null when zone, date or plan is missing). Call it inside the
 * transaction that changed the zone, the installation date, the plan or the installation cost.
 */
export async function recomputeBilling(tx: Executor, orgId: string, installationId: string): Promise<BillingSnapshot | null> {
	const current = await cardFirstCharge(tx, orgId, installationId);
	if (!current) return null;
	const { snapshot } = current;
	await billingDb.storeSnapshot(tx, orgId, installationId, snapshot ? JSON.stringify(snapshot) : null);
	return snapshot;
}

/** The first charge as it stands now (installation, deposit, prorated first month, promotions), or null while zone, date or plan is missing. */
export async function firstChargeOf(exec: Executor, orgId: string, installationId: string, settings: OrgSettings) {
	const row = await billingDb.inputsOf(exec, orgId, installationId);
	return row ? (computeSnapshot(row, settings)?.charge ?? null) : null;
}

/** Everything the BillingSection shows: the live breakdown, what is missing, and attached products. */
export async function billingView(db: Database, actor: SessionUser, rawId: unknown): Promise<BillingView> {
	requireStaff(actor);
	const id = parseInput(uuidSchema, rawId);
	const row = await billingDb.inputsOf(db.orm, actor.orgId, id);
	if (!row) throw notFound('Esa instalación no existe.');
	const settings = await orgSettings(db, actor.orgId);
	const snapshot = computeSnapshot(row, settings);
	const products = await billingDb.productLines(db.orm, actor.orgId, id);
	const firstPayment = snapshot?.dates.firstPaymentDate ?? row.installationDate;
	const lines: ProductLine[] = products.map((p) => {
		const start = p.startDate ?? firstPayment;
		return {
			...p,
			schedule:
				p.paymentType === 'mensualidades' && start
					? installmentSchedule({ priceCents: p.priceCents, installments: p.installments, startDate: start })
					: []
		};
	});
	const stored = (await billingDb.storedSnapshot(db.orm, id)) as BillingSnapshot | null;
	return {
		missing: missingInputs(row),
		saidMissing: saidMissing(row),
		snapshot,
		storedAt: stored?.computedAt ?? null,
		products: lines,
		refundConditions: REFUND_CONDITIONS.map((c) => ({ ...c })),
		zoneName: row.zoneName,
		registeredOn: row.registeredOn,
		installationDate: row.installationDate
	};
}
