import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import type { SessionUser } from '../auth';
import * as cancellations from '../db/cancellations';
import * as cards from '../db/cards';
import * as ipAllocations from '../db/ip-allocations';
import { insertCardHistory } from '../db/history';
import { canEnter, isOpenStage, stageLabel, type Stage } from '$lib/domain/stages';
import { normaliseRefund, reasonLabel, refundPending } from '$lib/domain/cancel-reasons';
import { reopenSchema } from '$lib/schemas/cancel';
import { uuidSchema } from '$lib/schemas/common';
import type { CancellationView, ReopenResult } from '$lib/types/cancellation';
import { parseInput } from '../validation';
import { inScope, orgSettings } from './board';
import { actAs } from './card-edit';
import { ServiceError, forbidden, notFound } from './errors';

const REOPENERS = ['admin', 'coordinator'];

/** The stage a cancelled card goes back to: the one it left, as recorded, else as its stage history says. */
async function targetOf(db: Pick<RawRunner, 'query'>, orgId: string, id: string) {
	const last = await cancellations.latest(db, orgId, id);
	const open = last && !last.reopenedAt ? last : null;
	const left = open?.fromStage ?? (await cancellations.stageLeft(db, orgId, id));
	const to: Stage = left && isOpenStage(left) ? left : 'preinstalacion';
	return { open, to };
}

/** What the card panel and the reopen dialog show of a cancelled card; null when the card is not cancelled. */
export async function cancellationOf(db: Database, actor: SessionUser, rawId: unknown): Promise<CancellationView | null> {
	const id = parseInput(uuidSchema, rawId);
	const card = await cards.getCard(db, actor.orgId, id);
	if (!card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	if (card.stage !== 'cancelada') return null;
	const settings = await orgSettings(db, actor.orgId);
	const { open, to } = await targetOf(db, actor.orgId, id);
	const ip = open?.releasedIp ?? null;
	const refund = open?.refundChecklist ? normaliseRefund(open.refundChecklist, card.contractType) : null;
	return {
		reason: card.cancelReason ?? null,
		reasonLabel: open?.reasonLabel ?? (card.cancelReason ? reasonLabel(settings.cancelReasons, card.cancelReason) : null),
		note: card.cancelNote ?? null,
		cancelledBy: open?.cancelledBy ?? null,
		cancelledAt: open?.cancelledAt ?? card.cancelledAt ?? null,
		refundChecklist: refund,
		refundPending: refund ? refundPending(refund, card.contractType) : [],
		contractType: card.contractType ?? null,
		reopenTo: to,
		previousIp: ip,
		ipFree: ip ? !(await cancellations.ipTaken(db, actor.orgId, ip)) : null,
		mayReopen: REOPENERS.includes(actor.role),
		version: card.version
	};
}

/**
 * Reopens a cancelled card to the stage it left, with a reason. Its old IP comes back only if no
 * card took it meanwhile; otherwise the card comes back without one and the answer says so. The
 * target stage's guard applies as to any move (a coordinator or admin may skip it with a written
 * reason). The row lock makes two reopens (or a reopen and a cancel) run one after the other: the
 * second sees the card no longer cancelled and is told who reopened it.
 */
export async function reopenCard(db: Database, actor: SessionUser, rawId: unknown, raw: unknown): Promise<ReopenResult> {
	if (!REOPENERS.includes(actor.role))
		throw forbidden('Solo un coordinador o un administrador puede reabrir una tarjeta cancelada: pídeselo.');
	const id = parseInput(uuidSchema, rawId);
	const input = parseInput(reopenSchema, raw);
	const settings = await orgSettings(db, actor.orgId);
	return db.begin(async (tx) => {
		await actAs(tx, actor);
		const locked = await cancellations.lockCard(tx, actor.orgId, id);
		const card = locked && (await cards.getCard(tx, actor.orgId, id));
		if (!locked || !card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
		if (locked.stage !== 'cancelada') {
			const last = await cancellations.latest(tx, actor.orgId, id);
			const who = last?.reopenedAt && last.reopenedBy ? `${last.reopenedBy} ya reabrió esta tarjeta` : 'Esta tarjeta ya no está cancelada';
			const why = last?.reopenedAt && last.reopenReason ? ` («${last.reopenReason}»)` : '';
			throw new ServiceError(409, `${who}${why}; ahora está en «${stageLabel(locked.stage)}». Tu motivo no se guardó.`);
		}
		if (input.expectedVersion !== undefined && input.expectedVersion !== locked.version) {
			throw new ServiceError(
				409,
				'Alguien cambió esta tarjeta mientras la veías. Revisa los cambios y vuelve a reabrirla si todavía hace falta.'
			);
		}
		const { open, to } = await targetOf(tx, actor.orgId, id);
		const oldIp = open?.releasedIp && open.releasedZoneId && open.releasedZoneId === locked.zoneId ? open.releasedIp : null;
		const ipFree = oldIp ? !(await cancellations.ipTaken(tx, actor.orgId, oldIp)) : false;
		const verdict = canEnter({ ...card, ip: ipFree ? oldIp : null }, to, actor.role, {
			settings,
			overrideReason: input.overrideReason,
			userId: actor.id
		});
		if (!verdict.ok) {
			return {
				ok: false,
				status: 422,
				message: `No se puede reabrir en «${stageLabel(to)}».`,
				reasons: verdict.reasons,
				overridable: verdict.overridable
			};
		}
		const moved = await cards.move(tx, {
			orgId: actor.orgId,
			cardId: id,
			expectedVersion: locked.version,
			toStage: to,
			beforeId: null,
			afterId: null,
			actorId: actor.id,
			overrideReason: verdict.overridden ? (input.overrideReason ?? null) : null,
			cancelReason: null,
			cancelNote: null
		});
		if (moved.outcome !== 'ok') throw new ServiceError(409, 'No se pudo acomodar la tarjeta. Intenta de nuevo.');
		// Free a moment ago under this transaction's view; the unique key decides if someone claimed it since.
		const restored =
			ipFree && oldIp && open?.releasedZoneId
				? await ipAllocations.claim(tx, { orgId: actor.orgId, zoneId: open.releasedZoneId, installationId: id, ip: oldIp })
				: false;
		if (restored && oldIp) await ipAllocations.setCardIp(tx, id, oldIp);
		if (open) await cancellations.markReopened(tx, { id: open.id, to, reason: input.reason, by: actor.id });
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: id,
			userId: actor.id,
			kind: 'stage',
			field: 'reopenReason',
			oldValue: null,
			newValue: input.reason,
			source: 'reapertura'
		});
		const version = restored ? moved.version + 1 : moved.version;
		const where = `Se reabrió en «${stageLabel(to)}»`;
		const message = restored
			? `${where} con su IP anterior, ${oldIp}.`
			: open?.releasedIp
				? `${where} sin IP: su IP anterior, ${open.releasedIp}, ya la tiene otra instalación. Elige otra IP en la sección Conexión.`
				: `${where}.`;
		return { ok: true, version, stage: to, ip: restored ? oldIp : null, message };
	});
}
