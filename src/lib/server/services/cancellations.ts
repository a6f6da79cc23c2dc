import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as cancellations from '../db/cancellations';
import { getCard } from '../db/cards';
import { insertStageHistory } from '../db/history';
import { CANCEL_REASON_LABELS, canEnter, type CancelReason } from '$lib/domain/stages';
import { POSITION_GAP } from '$lib/domain/positions';
import { cancelSchema } from '$lib/schemas/cancel';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { inScope } from './board';
import { actAs } from './card-edit';
import { ServiceError, forbidden, notFound } from './errors';

const OFFICE = ['admin', 'coordinator', 'agent'];

/** The answer to a second cancel: who got there first and why, so nobody's reason vanishes silently. */
export function alreadyCancelled(by: string | null, reason?: string | null, note?: string | null): ServiceError {
	const label = reason ? (CANCEL_REASON_LABELS[reason as CancelReason] ?? reason) : 'sin motivo';
	const why = note ? `${label} (${note})` : label;
	const who = by ? `${by} ya canceló esta instalación` : 'Esta instalación ya está cancelada';
	return new ServiceError(409, `${who}: ${why}. Tu motivo no se guardó; si quieres dejarlo, escríbelo en los comentarios de la tarjeta.`);
}

/**
 * Cancels a card with a reason. The card's row is locked first, so of two people cancelling at
 * once the second waits, sees the first cancellation and gets a 409 naming it; nothing of theirs
 * is written. With `expectedVersion`, any change since the person looked at the card is a 409 too.
 */
export async function cancelCard(
	db: Database,
	actor: SessionUser,
	rawId: unknown,
	raw: unknown,
	refusal = 'Solo la oficina puede cancelar una instalación.'
) {
	if (!OFFICE.includes(actor.role)) throw forbidden(refusal);
	const id = parseInput(uuidSchema, rawId);
	const input = parseInput(cancelSchema, raw);
	const note = input.note || null;
	return db.begin(async (tx) => {
		await actAs(tx, actor);
		const locked = await cancellations.lockCard(tx, actor.orgId, id);
		const card = locked && (await getCard(tx, actor.orgId, id));
		if (!locked || !card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
		if (locked.stage === 'cancelada') {
			throw alreadyCancelled(await cancellations.lastCanceller(tx, actor.orgId, id), locked.cancelReason, locked.cancelNote);
		}
		if (input.expectedVersion !== undefined && input.expectedVersion !== locked.version) {
			throw new ServiceError(
				409,
				'Alguien cambió esta tarjeta mientras la veías. Revisa los cambios y vuelve a cancelarla si todavía hace falta.'
			);
		}
		const guard = canEnter({ ...card, cancelReason: input.reason, cancelNote: note }, 'cancelada', actor.role, { userId: actor.id });
		// Office roles may always cancel, so what's left to refuse is missing data (the «Otro» text).
		if (!guard.ok) throw new ServiceError(422, guard.reasons[0]);
		const version = await cancellations.cancel(tx, { orgId: actor.orgId, id, reason: input.reason, note, gap: POSITION_GAP });
		await insertStageHistory(tx, {
			orgId: actor.orgId,
			installationId: id,
			from: locked.stage,
			to: 'cancelada',
			userId: actor.id,
			overrideReason: null
		});
		return { version };
	});
}
