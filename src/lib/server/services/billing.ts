/**
 * Billing dates and the first charge of a card (process 4, step 2), computed by the pure rules in
 * $lib/domain/billing and stored as a snapshot in installations.billing, so the agendada guard
 * (billingComputed) and the documents read the same numbers the coordinator saw.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { firstOf, rowsOf } from '../db/card-tx';
import { run } from '../db/card-tx';
import { orgSettings } from './board';
import { notFound } from './errors';
import { requireStaff } from './roles';
import { readSettings, type OrgSettings } from '$lib/schemas/settings';
import {
	billingDates,
	firstCharge,
	installmentSchedule,
	REFUND_CONDITIONS,
	type BillingDates,
	type FirstCharge,
	type ProrationPolicy
} from '$lib/domain/billing';
import { parseInput } from '../validation';
import { uuidSchema } from '$lib/schemas/common';

interface BillingInputsRow {
	registeredOn: string;
	installationDate: string | null;
	zoneId: string | null;
	zoneName: string | null;
	paymentDay: number | null;
	cutoffDay: number | null;
	graceDays: number | null;
	invoiceDay: number | null;
	billingMode: 'prepago' | 'pospago' | null;
	planName: string | null;
	planPriceCents: number | null;
	installationCostCents: number | null;
	promotionFreeInstallation: boolean;
	contractType: '12_meses' | 'indefinido' | null;
}

export interface BillingSnapshot {
	computedAt: string;
	zoneName: string;
	planName: string;
	monthlyPriceCents: number;
	dates: BillingDates;
	charge: FirstCharge;
}

export function policyOf(settings: OrgSettings): ProrationPolicy {
	return { ...settings.proration };
}

async function inputsOf(exec: Executor, orgId: string, id: string): Promise<BillingInputsRow | null> {
	return firstOf<BillingInputsRow>(
		exec,
		sql`select i.registered_on::text as "registeredOn", i.installation_date::text as "installationDate", i.zone_id as "zoneId",
			z.name as "zoneName", z.payment_day as "paymentDay", z.cutoff_day as "cutoffDay", z.grace_days as "graceDays",
			z.invoice_day as "invoiceDay", z.billing_mode as "billingMode", p.name as "planName", p.price_cents as "planPriceCents",
			i.installation_cost_cents as "installationCostCents", i.promotion_free_installation as "promotionFreeInstallation",
			i.contract_type as "contractType"
		 from installations i left join zones z on z.id = i.zone_id left join plans p on p.id = i.plan_id
		 where i.org_id = ${orgId} and i.id = ${id}`
	);
}

/** What is still missing to compute, in Spanish; empty when the breakdown can be shown. */
export function missingInputs(row: BillingInputsRow): string[] {
	const missing: string[] = [];
	if (!row.zoneId) missing.push('la zona (RB)');
	if (!row.installationDate) missing.push('la fecha de instalación');
	if (row.planPriceCents == null) missing.push('el plan de internet');
	return missing;
}

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
 * Recomputes and stores the snapshot (null when zone, date or plan is missing). Call it inside the
 * transaction that changed the zone, the installation date, the plan or the installation cost.
 */
export async function recomputeBilling(tx: Executor, orgId: string, installationId: string): Promise<BillingSnapshot | null> {
	const row = await inputsOf(tx, orgId, installationId);
	if (!row) return null;
	const [org] = await rowsOf<{ settings: unknown }>(tx, sql`select settings from organizations where id = ${orgId}`);
	const snapshot = computeSnapshot(row, readSettings(org?.settings));
	const json = snapshot ? JSON.stringify(snapshot) : null;
	// computedAt alone changing is not a change: it would bump the card's version for nothing.
	await run(
		tx,
		sql`update installations set billing = ${json}::jsonb
			where org_id = ${orgId} and id = ${installationId}
			  and (billing - 'computedAt') is distinct from (${json}::jsonb - 'computedAt')`
	);
	return snapshot;
}

export interface ProductLine {
	id: string;
	name: string;
	kind: string;
	paymentType: 'unico' | 'mensualidades';
	installments: number;
	priceCents: number;
	startDate: string | null;
	schedule: ReturnType<typeof installmentSchedule>;
}

/** Everything the BillingSection shows: the live breakdown, what is missing, and attached products. */
export async function billingView(db: Database, actor: SessionUser, rawId: unknown) {
	requireStaff(actor);
	const id = parseInput(uuidSchema, rawId);
	const row = await inputsOf(db.orm, actor.orgId, id);
	if (!row) throw notFound('Esa instalación no existe.');
	const settings = await orgSettings(db, actor.orgId);
	const snapshot = computeSnapshot(row, settings);
	const products = await rowsOf<Omit<ProductLine, 'schedule'>>(
		db.orm,
		sql`select ip.id, p.name, p.kind, ip.payment_type as "paymentType", ip.installments, ip.price_cents as "priceCents",
			ip.start_date::text as "startDate"
		 from installation_products ip join products p on p.id = ip.product_id
		 where ip.org_id = ${actor.orgId} and ip.installation_id = ${id} order by ip.created_at`
	);
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
	const stored = await firstOf<{ billing: unknown }>(db.orm, sql`select billing from installations where id = ${id}`);
	return {
		missing: missingInputs(row),
		snapshot,
		storedAt: (stored?.billing as BillingSnapshot | null)?.computedAt ?? null,
		products: lines,
		refundConditions: REFUND_CONDITIONS.map((c) => ({ ...c })),
		zoneName: row.zoneName,
		registeredOn: row.registeredOn,
		installationDate: row.installationDate
	};
}
