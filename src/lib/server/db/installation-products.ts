/** Products attached to cards (installation_products), and the active catalog a card can pick from. */
import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, run, type Executor } from './card-tx';

export type PaymentType = 'unico' | 'mensualidades';

export interface ProductOption {
	id: string;
	name: string;
	kind: string;
	priceCents: number;
	paymentType: string;
	installments: number;
}

export function attachable(db: Executor, orgId: string): Promise<ProductOption[]> {
	return rowsOf<ProductOption>(
		db,
		sql`select id, name, kind, price_cents as "priceCents", payment_type as "paymentType", installments
			from products where org_id = ${orgId} and active order by kind, name`
	);
}

export interface ActiveProduct {
	name: string;
	priceCents: number;
	paymentType: PaymentType;
	installments: number;
}

export function attachableById(db: Executor, orgId: string, id: string): Promise<ActiveProduct | null> {
	return firstOf<ActiveProduct>(
		db,
		sql`select name, price_cents as "priceCents", payment_type as "paymentType", installments from products
			where org_id = ${orgId} and id = ${id} and active`
	);
}

export interface Attachment {
	orgId: string;
	installationId: string;
	productId: string;
	paymentType: PaymentType;
	installments: number;
	priceCents: number;
	startDate: string | null;
}

export async function attach(db: Executor, a: Attachment): Promise<string> {
	const row = await firstOf<{ id: string }>(
		db,
		sql`insert into installation_products (org_id, installation_id, product_id, payment_type, installments, price_cents, start_date)
			values (${a.orgId}, ${a.installationId}, ${a.productId}, ${a.paymentType}, ${a.installments}, ${a.priceCents}, ${a.startDate}::date)
			returning id`
	);
	return row!.id;
}

/** Removes an attached product; the card it was on and the product's name, or null when gone. */
export function detach(db: Executor, orgId: string, id: string): Promise<{ installationId: string; name: string } | null> {
	return firstOf(
		db,
		sql`delete from installation_products ip using products p where p.id = ip.product_id and ip.org_id = ${orgId} and ip.id = ${id}
			returning ip.installation_id as "installationId", p.name`
	);
}

/** One condition of the deposit refund checklist, kept in installations.extra.depositRefund. */
export async function setRefundCondition(db: Executor, installationId: string, key: string, done: boolean): Promise<void> {
	await run(
		db,
		sql`update installations set extra = jsonb_set(extra, '{depositRefund}',
			coalesce(extra->'depositRefund', '{}'::jsonb) || jsonb_build_object(${key}::text, ${done}::boolean))
			where id = ${installationId}`
	);
}

export async function refundConditions(db: Executor, orgId: string, installationId: string): Promise<Record<string, boolean>> {
	const row = await firstOf<{ r: Record<string, boolean> | null }>(
		db,
		sql`select extra->'depositRefund' as r from installations where org_id = ${orgId} and id = ${installationId}`
	);
	return row?.r ?? {};
}

/** The organization's active guarantee deposit product (the first by name), or null. */
export function depositProduct(db: Executor, orgId: string): Promise<{ id: string } | null> {
	return firstOf(db, sql`select id from products where org_id = ${orgId} and kind = 'deposito' and active order by name limit 1`);
}

/** The deposit products attached to a card. */
export function attachedDeposits(db: Executor, installationId: string): Promise<{ id: string; name: string }[]> {
	return rowsOf(
		db,
		sql`select ip.id, p.name from installation_products ip join products p on p.id = ip.product_id
			where ip.installation_id = ${installationId} and p.kind = 'deposito' order by ip.created_at`
	);
}
