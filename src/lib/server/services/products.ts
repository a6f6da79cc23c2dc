/**
 * Products attached to a card (process 4, step 10): "Promoción 3 meses" in 3 mensualidades, the
 * guarantee deposit with its refund checklist (kept in installations.extra.depositRefund).
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { addHistory, lockCard, setActor } from '../db/card-tx';
import * as installationProducts from '../db/installation-products';
import { attachProductSchema, detachProductSchema, refundChecklistSchema } from '$lib/schemas/products';
import { REFUND_CONDITIONS } from '$lib/domain/billing';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireCoordinator } from './roles';

export async function productOptions(db: Database, actor: SessionUser) {
	return installationProducts.attachable(db, actor.orgId);
}

export async function attachProduct(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'agregar productos');
	const input = parseInput(attachProductSchema, raw);
	return db.orm.transaction(async (tx) => {
		const card = await lockCard(tx, actor.orgId, input.installationId);
		if (!card) throw notFound('Esa instalación no existe.');
		const product = await installationProducts.attachableById(tx, actor.orgId, input.productId);
		if (!product) throw new ServiceError(422, 'Ese producto no existe o está inactivo; elige uno de la lista.');
		const paymentType = input.paymentType ?? product.paymentType;
		const installments = paymentType === 'unico' ? 1 : (input.installments ?? product.installments);
		const id = await installationProducts.attach(tx, {
			orgId: actor.orgId,
			installationId: card.id,
			productId: input.productId,
			paymentType,
			installments,
			priceCents: product.priceCents,
			startDate: input.startDate ?? null
		});
		await addHistory(tx, actor.orgId, card.id, actor.id, [
			{
				kind: 'service',
				field: 'producto',
				oldValue: null,
				newValue: `${product.name} (${paymentType === 'unico' ? 'pago único' : `${installments} mensualidades`})`,
				source: 'tarjeta'
			}
		]);
		return { id };
	});
}

export async function detachProduct(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'quitar productos');
	const { id } = parseInput(detachProductSchema, raw);
	await db.orm.transaction(async (tx) => {
		const row = await installationProducts.detach(tx, actor.orgId, id);
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
		await installationProducts.setRefundCondition(tx, card.id, input.key, input.done);
		const label = REFUND_CONDITIONS.find((c) => c.key === input.key)!.label;
		await addHistory(tx, actor.orgId, card.id, actor.id, [
			{ kind: 'field', field: 'devolucion_deposito', oldValue: null, newValue: `${label}: ${input.done ? 'sí' : 'no'}`, source: 'tarjeta' }
		]);
		return { ok: true };
	});
}

export async function refundState(db: Database, orgId: string, installationId: string): Promise<Record<string, boolean>> {
	return installationProducts.refundConditions(db, orgId, installationId);
}
