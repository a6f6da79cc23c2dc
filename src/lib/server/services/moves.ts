import type { Database } from '../db/client';
import * as cards from '../db/cards';
import type { CardRow } from '../db/cards';
import type { SessionUser } from '../auth';
import { canEnter, stageLabel } from '$lib/domain/stages';
import { parseInput } from '../validation';
import { moveSchema } from '$lib/schemas/board';
import type { z } from 'zod';
import { heldCards, inScope, orgSettings, toBoardCard } from './board';
import type { MoveResult } from '$lib/types/board';
import { coded } from '$lib/domain/coded';
import { ServiceError, refusalOf } from './errors';
import { alreadyCancelled, cancelCard } from './cancellations';
import { lastCanceller } from '../db/cancellations';
import type { OrgSettings } from '$lib/schemas/settings';
import { getMetrics } from '../metrics';

/**
 * Server-authoritative move: role and guard checked here, on the card as this process holds it;
 * then one statement (board_move) applies it only if the card is still at that version, placing it
 * under a per-column lock and writing the stage history; the installations trigger appends the
 * board event in the same transaction. A stale copy is re-read and checked again.
 * A move is an intent on stage/position only, so a client holding an older version still moves the
 * card (guards run on the current data); concurrent moves apply one after the other.
 */
export async function moveCard(db: Database, actor: SessionUser, raw: unknown): Promise<MoveResult> {
	const req = parseInput(moveSchema, raw);
	const settings = await orgSettings(db, actor.orgId);
	const cache = heldCards(db, actor.orgId);
	for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
		let card = attempt === 0 ? cache.get(req.cardId) : undefined;
		const fromCache = !!card;
		if (!card) {
			card = (await cards.getCard(db, actor.orgId, req.cardId)) ?? undefined;
			if (card) cache.remember(card);
		}
		// Whatever is refused or hidden is told to a person: decide it on the card as it is now.
		const recheck = async () => {
			const fresh = fromCache ? await cards.getCard(db, actor.orgId, req.cardId) : null;
			if (!fresh || fresh.version === card!.version) return false;
			cache.remember(fresh);
			return true;
		};
		if (!card || card.orgId !== actor.orgId || !inScope(actor, card)) {
			if (card && card.orgId === actor.orgId && (await recheck())) continue;
			return {
				ok: false,
				status: 404,
				message: 'Esa tarjeta ya no existe o no tienes acceso.',
				reasons: [],
				overridable: false,
				card: null
			};
		}
		// A move that brings a cancellation reason is a cancel: if someone cancelled first, say who and
		// why instead of dropping this reason and reordering the column.
		if (req.toStage === 'cancelada' && req.cancelReason && card.stage === 'cancelada') {
			if (await recheck()) continue;
			const first = alreadyCancelled(
				await lastCanceller(db, actor.orgId, card.id),
				card.cancelReason,
				card.cancelNote,
				settings.cancelReasons
			);
			return { ok: false, status: 409, message: first.message, reasons: [], overridable: false, card: toBoardCard(card, settings) };
		}
		// A cancellation is its own use case (reason of the provider's list, refund checklist, record).
		if (req.toStage === 'cancelada' && card.stage !== 'cancelada') return cancelByMove(db, actor, req, card, settings, cache);
		// So is reopening (back to the stage it left, with a reason, its IP only if still free).
		if (card.stage === 'cancelada' && req.toStage !== 'cancelada' && (actor.role === 'admin' || actor.role === 'coordinator')) {
			if (await recheck()) continue;
			return {
				ok: false,
				status: 422,
				message: 'Para sacar una tarjeta de «Cancelada» usa «Reabrir»: vuelve a la etapa de la que salió y pide el motivo.',
				reasons: [],
				overridable: false,
				card: toBoardCard(card, settings)
			};
		}
		const verdict = canEnter(card, req.toStage, actor.role, {
			settings,
			overrideReason: req.overrideReason,
			userId: actor.id
		});
		if (!verdict.ok) {
			if (await recheck()) continue;
			return {
				ok: false,
				status: verdict.overridable ? 422 : 403,
				message: `No se puede mover a «${stageLabel(req.toStage)}».`,
				code: coded('move.refused', { stage: [coded(`stage.${req.toStage}`)] }),
				reasons: verdict.reasons,
				codes: verdict.codes,
				overridable: verdict.overridable,
				card: toBoardCard(card, settings)
			};
		}
		let result: cards.MoveOutcome;
		try {
			result = await cards.move(db, {
				orgId: actor.orgId,
				cardId: card.id,
				expectedVersion: card.version,
				toStage: req.toStage,
				beforeId: req.beforeId ?? null,
				afterId: req.afterId ?? null,
				actorId: actor.id,
				overrideReason: verdict.overridden ? (req.overrideReason ?? null) : null,
				cancelReason: card.cancelReason ?? null,
				cancelNote: card.cancelNote ?? null
			});
		} catch (err) {
			// Two moves that lock the same cards in opposite orders: PostgreSQL aborts one; retry it.
			if ((err as { code?: string }).code === '40P01') continue;
			throw err;
		}
		if (result.outcome === 'stale') {
			continue;
		}
		if (result.outcome === 'gone') {
			return {
				ok: false,
				status: 404,
				message: 'Esa tarjeta ya no existe o no tienes acceso.',
				reasons: [],
				overridable: false,
				card: null
			};
		}
		if (result.outcome !== 'ok') throw new ServiceError(409, 'No se pudo acomodar la tarjeta. Intenta de nuevo.');
		const moved: CardRow = {
			...card,
			stage: req.toStage,
			position: result.position,
			version: result.version,
			stageChangedAt: result.stageChangedAt,
			cancelledAt: result.cancelledAt
		};
		if (req.toStage !== 'cancelada') moved.cancelReason = moved.cancelNote = null;
		// The statement committed: this is the card's new row.
		cache.remember(moved);
		getMetrics().countMove();
		return { ok: true, card: toBoardCard(moved, settings), seq: result.seq };
	}
	throw new ServiceError(409, 'Otra persona está moviendo esta tarjeta. Intenta de nuevo.');
}

const MAX_ATTEMPTS = 4;

/** A drop on «Cancelada» (or the menu's choice) with the dialog's reason: cancelCard, answered as a move. */
async function cancelByMove(
	db: Database,
	actor: SessionUser,
	req: z.output<typeof moveSchema>,
	card: CardRow,
	settings: OrgSettings,
	cache: ReturnType<typeof heldCards>
): Promise<MoveResult> {
	const input = { reason: req.cancelReason ?? undefined, note: req.cancelNote, refundChecklist: req.refundChecklist };
	let seq: number | null;
	try {
		seq = (await cancelCard(db, actor, card.id, input, { beforeId: req.beforeId, afterId: req.afterId })).seq;
	} catch (err) {
		const refusal = refusalOf(err);
		if (!refusal) throw err;
		const now = await cards.getCard(db, actor.orgId, card.id);
		if (now) cache.remember(now);
		const shown = now && inScope(actor, now) ? toBoardCard(now, settings) : null;
		return {
			ok: false,
			status: refusal.status,
			message: refusal.message,
			code: refusal.coded,
			reasons: [],
			overridable: false,
			card: shown
		};
	}
	// The cancel read the card under its lock; the cache gets that row, not the copy this move began with.
	const moved = await cards.getCard(db, actor.orgId, card.id);
	if (!moved)
		return { ok: false, status: 404, message: 'Esa tarjeta ya no existe o no tienes acceso.', reasons: [], overridable: false, card: null };
	cache.remember(moved);
	getMetrics().countMove();
	return { ok: true, card: toBoardCard(moved, settings), seq };
}
