/** Catalog admin: the internet plan, one plan kind per add-on kind, and products (promotions, deposit, equipment). MXN in centavos. */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as plans from '../db/plans';
import * as products from '../db/products';
import { planSchema, productSchema } from '$lib/schemas/catalog';
import { parseInput } from '../validation';
import { notFound } from './errors';
import { requireAdmin } from './roles';

export type { PlanRow } from '../db/plans';
export type { ProductRow } from '../db/products';

export async function listCatalog(db: Database, actor: SessionUser) {
	return { plans: await plans.list(db.orm, actor.orgId), products: await products.list(db.orm, actor.orgId) };
}

export async function savePlan(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor, 'editar el catálogo');
	const p = parseInput(planSchema, raw);
	const plan: plans.PlanWrite = {
		kind: p.kind,
		name: p.name,
		// Only internet plans have a speed; an add-on plan is sold by what it includes.
		speedMbps: p.kind === 'internet' ? (p.speedMbps ?? null) : null,
		priceCents: p.price,
		routerosProfile: p.routerosProfile,
		usageTier: p.usageTier ?? null,
		description: p.description
	};
	const row = p.id
		? await plans.update(db.orm, actor.orgId, p.id, { ...plan, active: p.active })
		: await plans.insert(db.orm, actor.orgId, plan);
	if (!row) throw notFound('Ese plan no existe.');
	return row;
}

export async function saveProduct(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor, 'editar el catálogo');
	const p = parseInput(productSchema, raw);
	const product: products.ProductWrite = {
		name: p.name,
		kind: p.kind,
		priceCents: p.price,
		paymentType: p.paymentType,
		installments: p.installments
	};
	const row = p.id
		? await products.update(db.orm, actor.orgId, p.id, { ...product, active: p.active })
		: await products.insert(db.orm, actor.orgId, product);
	if (!row) throw notFound('Ese producto no existe.');
	return row;
}
