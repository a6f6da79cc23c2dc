import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, run, type Executor } from './card-tx';

/** Everything the billing rules need from a card, its zone and its plan. */
export interface BillingInputsRow {
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

export async function inputsOf(exec: Executor, orgId: string, id: string): Promise<BillingInputsRow | null> {
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

/** Stores the snapshot (JSON text, or null to clear it). */
export async function storeSnapshot(exec: Executor, orgId: string, id: string, json: string | null): Promise<void> {
	// computedAt alone changing is not a change: it would bump the card's version for nothing.
	await run(
		exec,
		sql`update installations set billing = ${json}::jsonb
			where org_id = ${orgId} and id = ${id}
			  and (billing - 'computedAt') is distinct from (${json}::jsonb - 'computedAt')`
	);
}

/** The snapshot as stored (null until computed). */
export async function storedSnapshot(exec: Executor, id: string): Promise<unknown> {
	const row = await firstOf<{ billing: unknown }>(exec, sql`select billing from installations where id = ${id}`);
	return row?.billing ?? null;
}

/** A product attached to the card, as sold. */
export interface ProductLineRow {
	id: string;
	name: string;
	kind: string;
	paymentType: 'unico' | 'mensualidades';
	installments: number;
	priceCents: number;
	startDate: string | null;
}

export async function productLines(exec: Executor, orgId: string, installationId: string): Promise<ProductLineRow[]> {
	return rowsOf<ProductLineRow>(
		exec,
		sql`select ip.id, p.name, p.kind, ip.payment_type as "paymentType", ip.installments, ip.price_cents as "priceCents",
			ip.start_date::text as "startDate"
		 from installation_products ip join products p on p.id = ip.product_id
		 where ip.org_id = ${orgId} and ip.installation_id = ${installationId} order by ip.created_at`
	);
}

/** Cards whose stored first charge is still an offer (computed, sheet unsigned, in one of `stages`). */
export async function unsignedWithSnapshot(exec: Executor, orgId: string, stages: readonly string[]): Promise<string[]> {
	const rows = await rowsOf<{ id: string }>(
		exec,
		sql`select id from installations
			where org_id = ${orgId} and billing is not null and sheet_signed_at is null
			  and stage = any(${`{${stages.join(',')}}`}::text[])
			order by id`
	);
	return rows.map((r) => r.id);
}
