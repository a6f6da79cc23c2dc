/** Catalog admin: internet, TV and telephony plans, and products (promotions, deposit, equipment). MXN in centavos. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { firstOf, rowsOf } from '../db/card-tx';
import { planSchema, productSchema } from '$lib/schemas/catalog';
import { parseInput } from '../validation';
import { notFound } from './errors';
import { requireAdmin } from './roles';

export interface PlanRow {
	id: string;
	kind: 'internet' | 'television' | 'telefonia';
	name: string;
	speedMbps: number | null;
	priceCents: number;
	routerosProfile: string | null;
	usageTier: string | null;
	description: string | null;
	active: boolean;
}

export interface ProductRow {
	id: string;
	name: string;
	kind: 'promocion' | 'deposito' | 'equipo' | 'otro';
	priceCents: number;
	paymentType: 'unico' | 'mensualidades';
	installments: number;
	active: boolean;
}

export async function listCatalog(db: Database, actor: SessionUser) {
	const plans = await rowsOf<PlanRow>(
		db.orm,
		sql`select id, kind, name, speed_mbps as "speedMbps", price_cents as "priceCents", routeros_profile as "routerosProfile",
			usage_tier as "usageTier", description, active from plans where org_id = ${actor.orgId} order by kind, sort_order, name`
	);
	const products = await rowsOf<ProductRow>(
		db.orm,
		sql`select id, name, kind, price_cents as "priceCents", payment_type as "paymentType", installments, active
			from products where org_id = ${actor.orgId} order by kind, name`
	);
	return { plans, products };
}

export async function savePlan(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor, 'editar el catálogo');
	const p = parseInput(planSchema, raw);
	const speed = p.kind === 'internet' ? p.speedMbps : null;
	const row = p.id
		? await firstOf<{ id: string }>(
				db.orm,
				sql`update plans set kind = ${p.kind}, name = ${p.name}, speed_mbps = ${speed}, price_cents = ${p.price},
					routeros_profile = ${p.routerosProfile}, usage_tier = ${p.usageTier ?? null}, description = ${p.description}, active = ${p.active}
					where org_id = ${actor.orgId} and id = ${p.id} returning id`
			)
		: await firstOf<{ id: string }>(
				db.orm,
				sql`insert into plans (org_id, kind, name, speed_mbps, price_cents, routeros_profile, usage_tier, description, active, sort_order)
					values (${actor.orgId}, ${p.kind}, ${p.name}, ${speed}, ${p.price}, ${p.routerosProfile}, ${p.usageTier ?? null},
						${p.description}, true, (select coalesce(max(sort_order), 0) + 1 from plans where org_id = ${actor.orgId}))
					returning id`
			);
	if (!row) throw notFound('Ese plan no existe.');
	return row;
}

export async function saveProduct(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor, 'editar el catálogo');
	const p = parseInput(productSchema, raw);
	const row = p.id
		? await firstOf<{ id: string }>(
				db.orm,
				sql`update products set name = ${p.name}, kind = ${p.kind}, price_cents = ${p.price}, payment_type = ${p.paymentType},
					installments = ${p.installments}, active = ${p.active} where org_id = ${actor.orgId} and id = ${p.id} returning id`
			)
		: await firstOf<{ id: string }>(
				db.orm,
				sql`insert into products (org_id, name, kind, price_cents, payment_type, installments)
					values (${actor.orgId}, ${p.name}, ${p.kind}, ${p.price}, ${p.paymentType}, ${p.installments}) returning id`
			);
	if (!row) throw notFound('Ese producto no existe.');
	return row;
}
