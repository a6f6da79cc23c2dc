import type { Database, RawRunner } from '../db/client';
import { getCard } from '../db/cards';
import type { SessionUser } from '../auth';
import { canEnter, stageLabel } from '$lib/domain/stages';
import { positionBetween, POSITION_GAP } from '$lib/domain/positions';
import { parseInput } from '../validation';
import { moveSchema } from '$lib/schemas/board';
import { inScope, orgSettings, toBoardCard } from './board';
import type { MoveResult } from '$lib/realtime/types';
import { ServiceError } from './errors';

/**
 * Server-authoritative move: role + guard check, position computed here under a per-column lock,
 * stage history written; the installations trigger appends the board event in the same transaction.
 * A move is an intent on stage/position only, so a client holding an older version still moves the
 * card (guards run on the current data); concurrent moves apply one after the other.
 */
export async function moveCard(db: Database, actor: SessionUser, raw: unknown): Promise<MoveResult> {
	const req = parseInput(moveSchema, raw);
	const settings = await orgSettings(db, actor.orgId);
	return db.begin(async (tx) => {
		await tx.query(`select set_config('app.actor_id', $1, true)`, [actor.id]);
		if (db.driver === 'postgres') {
			// Serialises drops into the same column so two cards never land on one position.
			await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`${actor.orgId}:${req.toStage}`]);
		}
		await tx.query('select id from installations where id = $1 and org_id = $2 for update', [req.cardId, actor.orgId]);
		const card = await getCard(tx, actor.orgId, req.cardId);
		if (!card || !inScope(actor, card)) {
			return { ok: false, status: 404, message: 'Esa tarjeta ya no existe o no tienes acceso.', reasons: [], overridable: false, card: null };
		}
		const cancelling = req.toStage === 'cancelada' && card.stage !== 'cancelada';
		const candidate = cancelling
			? { ...card, cancelReason: req.cancelReason ?? card.cancelReason, cancelNote: req.cancelNote ?? card.cancelNote }
			: card;
		const verdict = canEnter(candidate, req.toStage, actor.role, {
			settings,
			overrideReason: req.overrideReason,
			userId: actor.id
		});
		if (!verdict.ok) {
			return {
				ok: false,
				status: verdict.overridable ? 422 : 403,
				message: `No se puede mover a «${stageLabel(req.toStage)}».`,
				reasons: verdict.reasons,
				overridable: verdict.overridable,
				card: toBoardCard(card, settings)
			};
		}
		const position = await placeInColumn(tx, actor.orgId, req.toStage, card.id, req.beforeId, req.afterId);
		const stageChanged = card.stage !== req.toStage;
		await tx.query(
			`update installations set stage = $3, position = $4,
				cancel_reason = case when $3 = 'cancelada' then $5 else null end,
				cancel_note = case when $3 = 'cancelada' then $6 else null end,
				cancelled_at = case when $3 = 'cancelada' then coalesce(cancelled_at, now()) else null end,
				ip = case when $3 = 'cancelada' then null else ip end
			 where id = $1 and org_id = $2`,
			[card.id, actor.orgId, req.toStage, position, candidate.cancelReason ?? null, candidate.cancelNote ?? null]
		);
		if (req.toStage === 'cancelada') {
			// A cancelled installation gives its IP back to the pool.
			await tx.query('delete from ip_allocations where installation_id = $1 and org_id = $2', [card.id, actor.orgId]);
		}
		if (stageChanged) {
			await tx.query(
				`insert into stage_history (org_id, installation_id, from_stage, to_stage, user_id, override_reason)
				 values ($1, $2, $3, $4, $5, $6)`,
				[actor.orgId, card.id, card.stage, req.toStage, actor.id, verdict.overridden ? req.overrideReason : null]
			);
		}
		// The trigger appended the board event; it is the provider's newest one (index on org_id, seq).
		const [ev] = await tx.query<{ seq: number | null; version: number }>(
			`select (select seq::int from board_events where org_id = $2 and card_id = $1 order by seq desc limit 1) as seq,
				(select version from installations where id = $1) as version`,
			[card.id, actor.orgId]
		);
		const moved = { ...candidate, stage: req.toStage, position, version: ev.version };
		if (req.toStage === 'cancelada') moved.ip = null;
		else moved.cancelReason = moved.cancelNote = null;
		return { ok: true, card: toBoardCard(moved, settings), seq: ev.seq };
	});
}

/** Position right before `beforeId` / after `afterId` (or at the end); renumbers the column when the gap is used up. */
async function placeInColumn(
	tx: RawRunner,
	orgId: string,
	stage: string,
	movingId: string,
	beforeId?: string | null,
	afterId?: string | null
): Promise<number> {
	const neighbours = async (): Promise<[number | null, number | null]> => {
		const anchor = beforeId ?? afterId;
		const anchorRow = anchor
			? (
					await tx.query<{ position: number }>(
						'select position from installations where id = $1 and org_id = $2 and stage = $3 and id <> $4',
						[anchor, orgId, stage, movingId]
					)
				)[0]
			: undefined;
		if (anchorRow && beforeId) {
			const [prev] = await tx.query<{ position: number }>(
				`select position from installations where org_id = $1 and stage = $2 and id <> $3 and position < $4
				 order by position desc limit 1`,
				[orgId, stage, movingId, anchorRow.position]
			);
			return [prev?.position ?? null, anchorRow.position];
		}
		if (anchorRow) {
			const [next] = await tx.query<{ position: number }>(
				`select position from installations where org_id = $1 and stage = $2 and id <> $3 and position > $4
				 order by position asc limit 1`,
				[orgId, stage, movingId, anchorRow.position]
			);
			return [anchorRow.position, next?.position ?? null];
		}
		// No anchor (or it left the column meanwhile): the end of the column.
		const [last] = await tx.query<{ position: number | null }>(
			'select max(position) as position from installations where org_id = $1 and stage = $2 and id <> $3',
			[orgId, stage, movingId]
		);
		return [last?.position ?? null, null];
	};
	let [lo, hi] = await neighbours();
	let position = positionBetween(lo, hi);
	// lo and hi are adjacent, so a midpoint can't collide with another card.
	if (position !== null) return position;
	await tx.query(
		`update installations i set position = r.rn * ${POSITION_GAP}
		 from (select id, row_number() over (order by position, id) as rn from installations
		       where org_id = $1 and stage = $2 and id <> $3) r
		 where i.id = r.id`,
		[orgId, stage, movingId]
	);
	[lo, hi] = await neighbours();
	position = positionBetween(lo, hi);
	if (position === null) throw new ServiceError(409, 'No se pudo acomodar la tarjeta. Intenta de nuevo.');
	return position;
}
