/**
 * Money at the door (DOMAIN.md «Money at the door»): the amount to collect is the card's first charge
 * (domain/billing.ts through services/billing.ts: installation, deposit, prorated first month,
 * promotions); the technician on the job or the office records what was paid, in one or more
 * payments, each with its receipt. The office voids a wrong one with a reason; it stays recorded.
 */
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { addHistory, setActor } from '../db/card-tx';
import * as payments from '../db/payments';
import * as billingDb from '../db/billing';
import * as organizations from '../db/organizations';
import { firstChargeOf, missingInputs } from './billing';
import { orgSettings } from './board';
import { forbidden, notFound, ServiceError } from './errors';
import { parseInput } from '../validation';
import { receiptQuerySchema, recordPaymentSchema, voidPaymentSchema } from '$lib/schemas/payments';
import { uuidSchema } from '$lib/schemas/common';
import { formatMXN } from '$lib/domain/money';
import { paymentState } from '$lib/domain/payments';
import type { PaymentRow, PaymentsView } from '$lib/types/payments';
import type { ReceiptData } from '$lib/types/documents';
import { receiptHtml } from '../pdf/receipt';
import { getPdfEngine } from '../pdf/engine';

const METHOD_LABEL = { efectivo: 'Efectivo', transferencia: 'Transferencia', tarjeta: 'Tarjeta' } as const;

/** Office roles see any card of the organisation; a technician only the jobs assigned to them. */
function mayTouch(actor: SessionUser, card: payments.PaymentCard | null): payments.PaymentCard {
	if (!card || (actor.role === 'technician' && card.technicianId !== actor.id)) {
		throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	}
	return card;
}

/** The amount to collect at the door, from the existing first-charge computation. */
async function amountToCollect(db: Database, exec: Executor, orgId: string, id: string) {
	const row = await billingDb.inputsOf(exec, orgId, id);
	if (!row) throw notFound('Esa instalación no existe.');
	const charge = await firstChargeOf(exec, orgId, id, await orgSettings(db, orgId));
	return { items: charge?.items ?? [], totalCents: charge?.totalCents ?? 0, missing: missingInputs(row) };
}

export async function paymentsView(db: Database, actor: SessionUser, rawId: unknown): Promise<PaymentsView> {
	const id = parseInput(uuidSchema, rawId);
	const card = mayTouch(actor, await payments.card(db.orm, actor.orgId, id, false));
	const due = await amountToCollect(db, db.orm, actor.orgId, card.id);
	const list = await payments.list(db.orm, actor.orgId, card.id);
	return {
		...due,
		paidCents: card.paidCents,
		pendingCents: Math.max(0, due.totalCents - card.paidCents),
		state: paymentState(card.paidCents, due.totalCents),
		payments: list,
		canVoid: actor.role === 'admin' || actor.role === 'coordinator'
	};
}

/** Records one payment (partial ones allowed) and returns its id and receipt folio. */
export async function recordPayment(db: Database, actor: SessionUser, raw: unknown): Promise<{ id: string; folio: string }> {
	const input = parseInput(recordPaymentSchema, raw);
	return db.orm.transaction(async (tx) => {
		const card = mayTouch(actor, await payments.card(tx, actor.orgId, input.installationId, true));
		await setActor(tx, actor);
		const { id, seq } = await payments.insert(tx, {
			orgId: actor.orgId,
			installationId: card.id,
			amountCents: input.amount,
			method: input.method,
			reference: input.method === 'efectivo' ? input.reference : input.reference!,
			receivedBy: actor.id
		});
		await payments.refreshPaid(tx, card.id);
		const folio = `${card.folio}-${seq}`;
		await addHistory(tx, actor.orgId, card.id, actor.id, [
			{
				kind: 'field',
				field: 'pago',
				oldValue: null,
				newValue: `Pago ${folio}: ${formatMXN(input.amount)} en ${METHOD_LABEL[input.method].toLowerCase()}${input.reference ? ` (ref. ${input.reference})` : ''}`,
				source: actor.role === 'technician' ? 'tecnico' : 'tarjeta'
			}
		]);
		return { id, folio };
	});
}

/** The office corrects a wrong payment: it is marked void with the reason, never deleted. */
export async function voidPayment(db: Database, actor: SessionUser, raw: unknown): Promise<{ ok: true }> {
	if (actor.role !== 'admin' && actor.role !== 'coordinator') {
		throw forbidden('Solo coordinación o administración puede anular un pago.');
	}
	const input = parseInput(voidPaymentSchema, raw);
	return db.orm.transaction(async (tx) => {
		const card = mayTouch(actor, await payments.card(tx, actor.orgId, input.installationId, true));
		await setActor(tx, actor);
		const voided = await payments.voidPayment(tx, {
			orgId: actor.orgId,
			installationId: card.id,
			id: input.id,
			userId: actor.id,
			reason: input.reason
		});
		if (!voided) throw new ServiceError(409, 'Ese pago ya estaba anulado o no es de esta instalación.');
		await payments.refreshPaid(tx, card.id);
		await addHistory(tx, actor.orgId, card.id, actor.id, [
			{
				kind: 'field',
				field: 'pago',
				oldValue: `Pago ${card.folio}-${voided.seq}: ${formatMXN(voided.amountCents)}`,
				newValue: `Anulado: ${input.reason}`,
				source: 'tarjeta'
			}
		]);
		return { ok: true as const };
	});
}

/** What the receipt shows: provider, folio, customer, the items, the payment and who received it. */
export async function receiptData(db: Database, actor: SessionUser, raw: unknown): Promise<ReceiptData> {
	const input = parseInput(receiptQuerySchema, raw);
	const card = mayTouch(actor, await payments.card(db.orm, actor.orgId, input.installationId, false));
	const payment = await payments.byId(db.orm, actor.orgId, card.id, input.id);
	if (!payment) throw notFound('Ese pago no existe.');
	const org = (await organizations.byId(db.orm, actor.orgId))!;
	const due = await amountToCollect(db, db.orm, actor.orgId, card.id);
	return toReceipt(org.name, org.timeZone, card, payment, due.items, due.totalCents);
}

function toReceipt(
	provider: string,
	timeZone: string,
	card: payments.PaymentCard,
	p: PaymentRow,
	items: { label: string; amountCents: number }[],
	totalCents: number
): ReceiptData {
	const when = new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(p.receivedAt));
	return {
		provider,
		folio: `${card.folio}-${p.seq}`,
		customer: card.fullName,
		cardFolio: card.folio,
		items: items.map((i) => [i.label, formatMXN(i.amountCents)]),
		total: formatMXN(totalCents),
		amount: formatMXN(p.amountCents),
		method: METHOD_LABEL[p.method],
		reference: p.reference,
		receivedBy: p.receivedBy,
		receivedAt: when,
		voided: p.voidedAt ? `Anulado por ${p.voidedBy ?? '—'}: ${p.voidReason ?? ''}` : null
	};
}

/** The receipt as a PDF from the shared Chromium pipeline (no network, no JavaScript). */
export async function receiptPdf(db: Database, actor: SessionUser, raw: unknown): Promise<{ filename: string; pdf: Uint8Array }> {
	const data = await receiptData(db, actor, raw);
	return { filename: `recibo-${data.folio}.pdf`, pdf: await getPdfEngine().render(receiptHtml(data)) };
}
