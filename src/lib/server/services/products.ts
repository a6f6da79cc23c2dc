/**
 * Products attached to a card (process 4, step 10): "Promoción 3 meses" in 3 mensualidades, the
 * guarantee deposit with its refund checklist (kept in installations.extra.depositRefund).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { addHistory, firstOf, lockCard, rowsOf, setActor } from '../db/card-tx';
import { run } from '../db/card-tx';
import { attachProductSchema, detachProductSchema, refundChecklistSchema } from '$lib/schemas/products';
import { REFUND_CONDITIONS } from '$lib/domain/billing';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireCoordinator } from './roles';

export async function productOptions(db: Database, actor: SessionUser) {
	return rowsOf<{ id: string; name: string; kind: string; priceCents: number; paymentType: string; installments: number }>(
		db.orm,
		sql`select id, name, kind, price_cents as "priceCents", payment_type as "paymentType", installments
			from products where org_id = ${actor.orgId} and active order by kind, name`
	);
}

export async function attachProduct(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'agregar productos');
	const input = parseInput(attachProductSchema, raw);
	return db.orm.transaction(async (tx) => {
		const card = await lockCard(tx, actor.orgId, input.installationId);
		if (!card) throw notFound('Esa instalación no existe.');
		const product = await firstOf<{ name: string; priceCents: number; paymentType: 'unico' | 'mensualidades'; installments: number }>(
			tx,
			sql`select name, price_cents as "priceCents", payment_type as "paymentType", installments from products
				where org_id = ${actor.orgId} and id = ${input.productId} and active`
		);
		if (!product) throw new ServiceError(422, 'Ese producto no existe o está inactivo; elige uno de la lista.');
		const paymentType = input.paymentType ?? product.paymentType;
		const installments = paymentType === 'unico' ? 1 : (input.installments ?? product.installments);
		const row = await firstOf<{ id: string }>(
			tx,
			sql`insert into installation_products (org_id, installation_id, product_id, payment_type, installments, price_cents, start_date)
				values (${actor.orgId}, ${card.id}, ${input.productId}, ${paymentType}, ${installments}, ${product.priceCents}, ${input.startDate ?? null}::date)
				returning id`
		);
		await addHistory(tx, actor.orgId, card.id, actor.id, [
			{
				kind: 'service',
				field: 'producto',
				oldValue: null,
				newValue: `${product.name} (${paymentType === 'unico' ? 'pago único' : `${installments} mensualidades`})`,
				source: 'tarjeta'
			}
		]);
		return { id: row!.id };
	});
}

export async function detachProduct(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'quitar productos');
	const { id } = parseInput(detachProductSchema, raw);
	await db.orm.transaction(async (tx) => {
		const row = await firstOf<{ installationId: string; name: string }>(
			tx,
			sql`delete from installation_products ip using products p where p.id = ip.product_id and ip.org_id = ${actor.orgId} and ip.id = ${id}
				returning ip.installation_id as "installationId", p.name`
		);
		if (!row) throw notFound('Ese producto ya no está en la instalación.');
		await addHistory(tx, actor.orgId, row.installationId, actor.id, [
			{ kind: 'service', field: 'producto', oldValue: row.name, newValue: null, source: 'tarjeta' }
		]);
	});
}

/** Ticks one condition of the deposit refund checklist (shown on cancellation). */
export async function setRefundCondition(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'marcar la devolución del depósito');
	const input = parseInput(refundChecklistSchema, raw);
	return db.orm.transaction(async (tx) => {
		const card = await lockCard(tx, actor.orgId, input.installationId);
		if (!card) throw notFound('Esa instalación no existe.');
		await setActor(tx, actor);
		await run(
			tx,
			sql`update installations set extra = jsonb_set(extra, '{depositRefund}',
				coalesce(extra->'depositRefund', '{}'::jsonb) || jsonb_build_object(${input.key}::text, ${input.done}::boolean))
				where id = ${card.id}`
		);
		const label = REFUND_CONDITIONS.find((c) => c.key === input.key)!.label;
		await addHistory(tx, actor.orgId, card.id, actor.id, [
			{ kind: 'field', field: 'devolucion_deposito', oldValue: null, newValue: `${label}: ${input.done ? 'sí' : 'no'}`, source: 'tarjeta' }
		]);
		return { ok: true };
	});
}

export async function refundState(db: Database, orgId: string, installationId: string): Promise<Record<string, boolean>> {
	const row = await firstOf<{ r: Record<string, boolean> | null }>(
		db.orm,
		sql`select extra->'depositRefund' as r from installations where org_id = ${orgId} and id = ${installationId}`
	);
	return row?.r ?? {};
}
