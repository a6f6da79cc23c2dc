import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, type Executor } from './card-tx';

/** A product as the catalog admin edits it (promotions, the deposit, equipment). */
export interface ProductRow {
	id: string;
	name: string;
	kind: 'promocion' | 'deposito' | 'equipo' | 'otro';
	priceCents: number;
	paymentType: 'unico' | 'mensualidades';
	installments: number;
	active: boolean;
}

export function list(db: Executor, orgId: string): Promise<ProductRow[]> {
	return rowsOf<ProductRow>(
		db,
		sql`select id, name, kind, price_cents as "priceCents", payment_type as "paymentType", installments, active
			from products where org_id = ${orgId} order by kind, name`
	);
}

export type ProductWrite = Omit<ProductRow, 'id' | 'active'>;

/** Null when the product is not the organization's. */
export function update(db: Executor, orgId: string, id: string, p: ProductWrite & { active: boolean }): Promise<{ id: string } | null> {
	return firstOf(
		db,
		sql`update products set name = ${p.name}, kind = ${p.kind}, price_cents = ${p.priceCents}, payment_type = ${p.paymentType},
			installments = ${p.installments}, active = ${p.active} where org_id = ${orgId} and id = ${id} returning id`
	);
}

export function insert(db: Executor, orgId: string, p: ProductWrite): Promise<{ id: string } | null> {
	return firstOf(
		db,
		sql`insert into products (org_id, name, kind, price_cents, payment_type, installments)
			values (${orgId}, ${p.name}, ${p.kind}, ${p.priceCents}, ${p.paymentType}, ${p.installments}) returning id`
	);
}
