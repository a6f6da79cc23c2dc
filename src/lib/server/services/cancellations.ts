import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as cancellations from '../db/cancellations';
import * as cards from '../db/cards';
import { insertCardHistory } from '../db/history';
import { CANCEL_REASON_LABELS, canEnter } from '$lib/domain/stages';
import { joinOr, needsRefundChecklist, normaliseRefund, reasonLabel, type CancelReasonItem } from '$lib/domain/cancel-reasons';
import { cancelSchema } from '$lib/schemas/cancel';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { inScope, orgSettings } from './board';
import { actAs } from './card-edit';
import { ServiceError, forbidden, notFound } from './errors';
import * as notify from './notify';

const OFFICE = ['admin', 'coordinator', 'agent'];

/** The answer to a second cancel: who got there first and why, so nobody's reason vanishes silently. */
export function alreadyCancelled(
	by: string | null,
	reason?: string | null,
	note?: string | null,
	list?: readonly CancelReasonItem[] | null,
	label?: string | null
): ServiceError {
	const named = reason ? (label ?? reasonLabel(list, reason)) : 'sin motivo';
	const why = note ? `${named} (${note})` : named;
	const who = by ? `${by} ya canceló esta instalación` : 'Esta instalación ya está cancelada';
	return new ServiceError(409, `${who}: ${why}. Tu motivo no se guardó; si quieres dejarlo, escríbelo en los comentarios de la tarjeta.`);
}

export interface CancelOptions {
	/** The Spanish sentence for a role that may not cancel. */
	refusal?: string;
	/** Where the card lands in «Cancelada» (a board drop); the column's end otherwise. */
	beforeId?: string | null;
	afterId?: string | null;
	/**
	 * An app flow that cancels with a fixed built-in reason (the coverage section's «Sin cobertura»):
	 * it stands even if the admin took that reason off the list people choose from.
	 */
	builtIn?: boolean;
}

export interface CancelResult {
	version: number;
	position: number;
	seq: number | null;
	stageChangedAt: string;
	cancelledAt: string | null;
	reason: string;
	note: string | null;
}

/**
 * Cancels a card with a reason of the provider's list. The card's row is locked first, so of two
 * people cancelling at once the second waits, sees the first cancellation and gets a 409 naming it;
 * nothing of theirs is written. With `expectedVersion`, any change since the person looked at the
 * card is a 409 too. The move itself is board_move's (position, stage history, IP released, board
 * event); the same transaction records the cancellation: the reason's words, the refund checklist of
 * a signed or active customer, and the IP given back, which reopening offers again.
 */
export async function cancelCard(
	db: Database,
	actor: SessionUser,
	rawId: unknown,
	raw: unknown,
	opts: CancelOptions = {}
): Promise<CancelResult> {
	if (!OFFICE.includes(actor.role)) throw forbidden(opts.refusal ?? 'Solo la oficina puede cancelar una instalación.');
	const id = parseInput(uuidSchema, rawId);
	const input = parseInput(cancelSchema, raw);
	const note = input.note || null;
	const settings = await orgSettings(db, actor.orgId);
	const listed = settings.cancelReasons.find((r) => r.key === input.reason);
	const builtIn = opts.builtIn && Object.hasOwn(CANCEL_REASON_LABELS, input.reason);
	if (!listed && !builtIn) {
		const msg = `Elige un motivo de cancelación de la lista: ${joinOr(settings.cancelReasons.map((r) => r.label.toLowerCase()))}.`;
		throw new ServiceError(400, msg, { reason: [msg] });
	}
	const reasons = listed
		? settings.cancelReasons
		: [...settings.cancelReasons, { key: input.reason, label: reasonLabel(null, input.reason) }];
	return db.begin(async (tx) => {
		await actAs(tx, actor);
		const locked = await cancellations.lockCard(tx, actor.orgId, id);
		const card = locked && (await cards.getCard(tx, actor.orgId, id));
		if (!locked || !card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
		if (locked.stage === 'cancelada') {
			const last = await cancellations.latest(tx, actor.orgId, id);
			const label = last && !last.reopenedAt && last.reason === locked.cancelReason ? last.reasonLabel : null;
			throw alreadyCancelled(
				await cancellations.lastCanceller(tx, actor.orgId, id),
				locked.cancelReason,
				locked.cancelNote,
				settings.cancelReasons,
				label
			);
		}
		if (input.expectedVersion !== undefined && input.expectedVersion !== locked.version) {
			throw new ServiceError(
				409,
				'Alguien cambió esta tarjeta mientras la veías. Revisa los cambios y vuelve a cancelarla si todavía hace falta.'
			);
		}
		const guard = canEnter({ ...card, cancelReason: input.reason, cancelNote: note }, 'cancelada', actor.role, {
			userId: actor.id,
			settings: { ...settings, cancelReasons: reasons }
		});
		// Office roles may always cancel, so what's left to refuse is the reason (not on the list, «Otro» without words).
		if (!guard.ok) throw new ServiceError(422, guard.reasons[0]);
		const refund = needsRefundChecklist(locked.stage) ? normaliseRefund(input.refundChecklist, locked.contractType) : null;
		const moved = await cards.move(tx, {
			orgId: actor.orgId,
			cardId: id,
			expectedVersion: locked.version,
			toStage: 'cancelada',
			beforeId: opts.beforeId ?? null,
			afterId: opts.afterId ?? null,
			actorId: actor.id,
			overrideReason: null,
			cancelReason: input.reason,
			cancelNote: note
		});
		// The row is locked at this version, so anything but 'ok' is a column out of room.
		if (moved.outcome !== 'ok') throw new ServiceError(409, 'No se pudo acomodar la tarjeta. Intenta de nuevo.');
		await notify.jobCancelled(tx, actor.id, id);
		const label = reasonLabel(reasons, input.reason);
		await cancellations.record(tx, {
			orgId: actor.orgId,
			installationId: id,
			fromStage: locked.stage,
			reason: input.reason,
			reasonLabel: label,
			note,
			refundChecklist: refund,
			releasedIp: locked.ip,
			releasedZoneId: locked.ip ? locked.zoneId : null,
			by: actor.id
		});
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: id,
			userId: actor.id,
			kind: 'stage',
			field: 'cancelReason',
			oldValue: null,
			newValue: note ? `${label}: ${note}` : label,
			source: 'cancelacion'
		});
		return {
			version: moved.version,
			position: moved.position,
			seq: moved.seq,
			stageChangedAt: moved.stageChangedAt,
			cancelledAt: moved.cancelledAt,
			reason: input.reason,
			note
		};
	});
}
