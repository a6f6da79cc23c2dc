// The registry alone: the stage guards (and the phone rules behind them) load with the move menu (move-guard.ts).
import { STAGES, type Role, type Stage } from '$lib/domain/stage-registry';
import type { BoardFilters } from '$lib/schemas/board';
import type { BoardCard, CardEvent } from '$lib/types/board';
import { byPosition, type Totals } from '$lib/domain/board-pages';

/** Pure rules behind the board state: no runes, no sockets, so the specs can drive them directly. */

export const NO_FILTERS: BoardFilters = {
	zona: null,
	tecnico: null,
	plan: null,
	contrato: null,
	desde: null,
	hasta: null,
	faltantes: false,
	llamar: false,
	q: null
};

export function activeFilterCount(f: BoardFilters): number {
	return [f.zona, f.tecnico, f.plan, f.contrato, f.desde || f.hasta, f.faltantes, f.llamar, f.q].filter(Boolean).length;
}

const fold = (s: string | null | undefined) => (s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

export interface MatchContext {
	filters: BoardFilters;
	/** activa/cancelada show only cards that entered them in the last N days unless searching. */
	recentDays: number;
	nowMs: number;
}

/**
 * Whether a live card belongs on this filtered board, so counts keep reflecting the filter.
 * The server's text search also looks at phone and PPPoE user, which the board never receives:
 * a card already on the board keeps its place on the text criterion (it matched on the server),
 * and a new one shows when its name, colonia or folio match.
 */
export function matchesFilters(card: BoardCard, held: boolean, ctx: MatchContext): boolean {
	const f = ctx.filters;
	if (f.zona && card.zoneId !== f.zona) return false;
	if (f.tecnico && card.technicianId !== f.tecnico) return false;
	if (f.plan && card.planId !== f.plan) return false;
	if (f.contrato && card.contractType !== f.contrato) return false;
	if (f.desde && !(card.installationDate && card.installationDate >= f.desde)) return false;
	if (f.hasta && !(card.installationDate && card.installationDate <= f.hasta)) return false;
	if (f.faltantes && !card.badge) return false;
	if (f.llamar && !inCallQueueLive(card, held, ctx.nowMs)) return false;
	if (f.q) {
		const q = fold(f.q);
		const hit = fold(card.fullName).includes(q) || fold(card.colonia).includes(q) || String(card.folio) === q;
		if (!hit && !held) return false;
	} else if ((card.stage === 'activa' || card.stage === 'cancelada') && !held) {
		const entered = Date.parse(card.stageChangedAt);
		if (Number.isFinite(entered) && ctx.nowMs - entered > ctx.recentDays * 86_400_000) return false;
	}
	return true;
}

/**
 * «Por llamar» on a live board: the server chose the cards (today's call queue); a live event keeps
 * a card while it may still be due today and drops it once it closes or its next call moves past
 * the end of the viewer's day. A card that was not in the queue waits for the next load.
 */
export function inCallQueueLive(card: BoardCard, held: boolean, nowMs: number): boolean {
	if (!held || card.stage === 'activa' || card.stage === 'cancelada') return false;
	const next = card.nextContactAt ? Date.parse(card.nextContactAt) : NaN;
	return !(Number.isFinite(next) && next >= new Date(nowMs).setHours(24, 0, 0, 0));
}

export type Columns = Record<Stage, BoardCard[]>;

export { byPosition };

export function groupColumns(cards: Iterable<BoardCard>): Columns {
	const cols = Object.fromEntries(STAGES.map((s) => [s, [] as BoardCard[]])) as Columns;
	for (const c of cards) cols[c.stage]?.push(c);
	for (const s of STAGES) cols[s].sort(byPosition);
	return cols;
}

/** The server's anchors: afterId = the card right above, beforeId = the card right below. */
export function neighbours(list: readonly { id: string }[], id: string): { afterId: string | null; beforeId: string | null } {
	const i = list.findIndex((c) => c.id === id);
	if (i < 0) return { afterId: null, beforeId: null };
	return { afterId: list[i - 1]?.id ?? null, beforeId: list[i + 1]?.id ?? null };
}

/** How many cards a column renders at first, and how many more each «Mostrar más» (or scrolling to its end) adds. */
export const COLUMN_PAGE = 12;

/**
 * A partially rendered column's whole order: the rendered cards as dnd-action left them, then the
 * cards that were never rendered, in column order. Neighbours taken from it are the global ones:
 * a drop at the bottom of the rendered window names the first hidden card as the one below it,
 * and dropping the last rendered card back in place is no move at all. The moving card is never
 * part of the hidden rest.
 */
export function withUnrendered<T extends { id: string }>(rendered: readonly T[], column: readonly T[], movingId: string): T[] {
	const ids = new Set(rendered.map((c) => c.id)).add(movingId);
	return [...rendered, ...column.filter((c) => !ids.has(c.id))];
}

/**
 * A column's window after this viewer moved a card into it: the card stays rendered, and a column
 * that gained a card keeps showing every card it showed before.
 */
export function shownAfterMove(shown: number, index: number, entered: boolean): number {
	return Math.max(entered ? shown + 1 : shown, index + 1);
}

/**
 * A sort key that shows the card at its drop spot until the server answers with the real position
 * (board_move decides it): halfway between the new neighbours, or one step past the column's edge.
 * `column` is in column order; as on the server, beforeId wins and an anchor no longer there means the end.
 */
export function optimisticPosition(
	column: readonly BoardCard[],
	cardId: string,
	anchors: { beforeId?: string | null; afterId?: string | null }
): number {
	const others = column.filter((c) => c.id !== cardId);
	const anchor = others.findIndex((c) => c.id === (anchors.beforeId ?? anchors.afterId));
	const at = anchor < 0 ? others.length : anchors.beforeId ? anchor : anchor + 1;
	const above = others[at - 1]?.position;
	const below = others[at]?.position;
	if (above === undefined) return below === undefined ? 0 : below - 1;
	return below === undefined ? above + 1 : above + (below - above) / 2;
}

/** Highest version seen per card id, tombstones included, so a late event can't resurrect a card. */
export type SeenVersions = Map<string, number>;

export type ApplyOutcome = 'applied' | 'stale';

/**
 * Applies one event to a card map in place. Events whose version is not newer than the one held
 * are dropped; `card: null` (deleted, or out of this viewer's scope) and cards outside the
 * filter are removed.
 */
export function applyCardEvent(cards: Map<string, BoardCard>, seen: SeenVersions, e: CardEvent, ctx: MatchContext): ApplyOutcome {
	if (e.version <= (seen.get(e.cardId) ?? 0)) return 'stale';
	seen.set(e.cardId, e.version);
	const held = cards.has(e.cardId);
	if (e.card && matchesFilters(e.card, held, ctx)) cards.set(e.cardId, e.card);
	else cards.delete(e.cardId);
	return 'applied';
}

export type { Totals };

export function bumpTotal(totals: Totals, stage: Stage | undefined, delta: number): void {
	// Technicians get no totals; their counts come from their own cards only.
	if (stage && totals[stage] !== undefined) totals[stage] = Math.max(0, totals[stage]! + delta);
}

/** Applies events in order to a card map and its column totals, in place; true if any was applied. */
export function applyCardEvents(
	cards: Map<string, BoardCard>,
	seen: SeenVersions,
	totals: Totals,
	events: CardEvent[],
	ctx: MatchContext
): boolean {
	let changed = false;
	for (const e of events) {
		const prev = cards.get(e.cardId);
		if (applyCardEvent(cards, seen, e, ctx) !== 'applied') continue;
		changed = true;
		if (prev && prev.stage !== e.card?.stage) {
			bumpTotal(totals, prev.stage, -1);
			bumpTotal(totals, e.card?.stage, 1);
		} else if (!prev && e.kind === 'card:created') bumpTotal(totals, e.card?.stage, 1);
	}
	return changed;
}

/** Does this event touch any of these columns (where the card was, or where it is going)? */
export function touchesColumns(e: CardEvent, held: BoardCard | undefined, stages: ReadonlySet<Stage>): boolean {
	return (!!held && stages.has(held.stage)) || (!!e.card && stages.has(e.card.stage));
}

export type SlaLevel = 'ok' | 'warn' | 'late';

export function ageHours(stageChangedAt: string, nowMs: number): number {
	const t = Date.parse(stageChangedAt);
	return Number.isFinite(t) ? Math.max(0, (nowMs - t) / 3_600_000) : 0;
}

export interface AgeAmount {
	unit: 'min' | 'h' | 'd';
	count: number;
}

/** "45 min", "5 h", "3 d": minutes below an hour, hours below two days, then days. */
export function ageAmount(hours: number): AgeAmount {
	if (hours < 1) return { unit: 'min', count: Math.floor(hours * 60) };
	return hours < 48 ? { unit: 'h', count: Math.floor(hours) } : { unit: 'd', count: Math.floor(hours / 24) };
}

/**
 * A card's two clocks, in hours: time in its current column (restarts on every move, so the SLA
 * colours follow the column) and total age since it was registered (moving it back never resets it).
 */
export function cardAges(card: Pick<BoardCard, 'stageChangedAt' | 'createdAt'>, nowMs: number): { inStage: number; total: number } {
	const inStage = ageHours(card.stageChangedAt, nowMs);
	return { inStage, total: Math.max(inStage, ageHours(card.createdAt, nowMs)) };
}

export function slaLevel(hours: number, sla: { warnHours: number; lateHours: number } | undefined): SlaLevel {
	if (!sla) return 'ok';
	if (hours >= sla.lateHours) return 'late';
	return hours >= sla.warnHours ? 'warn' : 'ok';
}

export type WipLevel = 'ok' | 'at' | 'over';

export function wipLevel(count: number, limit: number | null | undefined): WipLevel {
	if (!limit) return 'ok';
	return count > limit ? 'over' : count === limit ? 'at' : 'ok';
}

/** Columns a role can never drop into (the server decides; the board only dims them). */
export function roleNeverEnters(role: Role, stage: Stage): boolean {
	if (role === 'agent') return stage === 'asignada' || stage === 'firmada' || stage === 'activa';
	if (role === 'technician') return stage !== 'firmada' && stage !== 'activa';
	return false;
}
