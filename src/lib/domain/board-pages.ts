import { STAGES, type Stage } from '$lib/domain/stage-registry';
import type { BoardFilters } from '$lib/schemas/board';
import type { BoardCard, ColumnPage, PageCursor } from '$lib/types/board';

export type { ColumnPage, PageRequest } from '$lib/types/board';

/**
 * The board loads by pages: each column's first cards come with the page, the rest as the column
 * is scrolled (board:page). Pure helpers shared by the server, which cuts the pages, and the
 * client, which keeps the counts right while cards it has not loaded yet move.
 */

/** Cards per column, by stage (the board's totals). */
export type Totals = Partial<Record<Stage, number>>;

/** A column's order: position, then id (the order every board view shares). */
export function byPosition(a: Pick<BoardCard, 'position' | 'id'>, b: Pick<BoardCard, 'position' | 'id'>): number {
	return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Cards per column in the page's first load: the twelve a column renders and the twelve of its first
 * «Mostrar más», so that press needs no round trip; more would only weigh on a phone's first load.
 */
export const FIRST_PAGE = 24;
/** Cards per column that each further request brings. */
export const NEXT_PAGE = 60;

/** Where a card sits in its column's order, as a cursor. */
export const cursorOf = (c: Pick<BoardCard, 'position' | 'id'>): PageCursor => ({ position: c.position, id: c.id });

/** Whether a card comes after the cursor in its column's order (the order of byPosition). */
export function isAfter(c: Pick<BoardCard, 'position' | 'id'>, cursor: PageCursor): boolean {
	return c.position > cursor.position || (c.position === cursor.position && c.id > cursor.id);
}

export interface FirstPages {
	cards: BoardCard[];
	/** Every card of each column under the filter, loaded or not. */
	counts: Totals;
	/** For each column with cards beyond its first page: where the next page starts. */
	more: Partial<Record<Stage, PageCursor>>;
}

/** Cuts each column of a filtered board to its first `size` cards, with the counts of the whole columns. */
export function firstPages(all: readonly BoardCard[], size = FIRST_PAGE): FirstPages {
	const byStage = new Map<Stage, BoardCard[]>();
	for (const c of all) {
		const list = byStage.get(c.stage);
		if (list) list.push(c);
		else byStage.set(c.stage, [c]);
	}
	const cards: BoardCard[] = [];
	const counts: Totals = {};
	const more: FirstPages['more'] = {};
	for (const stage of STAGES) {
		const list = (byStage.get(stage) ?? []).sort(byPosition);
		counts[stage] = list.length;
		const page = list.slice(0, size);
		cards.push(...page);
		if (list.length > size) more[stage] = cursorOf(page[page.length - 1]);
	}
	return { cards, counts, more };
}

/** The cards of one column after the cursor (from its start without one), at most `size`. */
export function pageAfter(all: readonly BoardCard[], stage: Stage, after: PageCursor | null, size = NEXT_PAGE): ColumnPage {
	const column = all.filter((c) => c.stage === stage).sort(byPosition);
	const rest = after ? column.filter((c) => isAfter(c, after)) : column;
	const cards = rest.slice(0, size);
	return { cards, count: column.length, next: rest.length > size ? cursorOf(cards[cards.length - 1]) : null };
}

/** The board's filters as its URL carries them (what boardFilterSchema parses), for board:page. */
export function filterParams(f: BoardFilters): Record<string, string> {
	const params: Record<string, string> = {};
	for (const key of ['zona', 'tecnico', 'plan', 'contrato', 'desde', 'hasta', 'q'] as const) if (f[key]) params[key] = f[key];
	if (f.faltantes) params.faltantes = '1';
	if (f.llamar) params.llamar = '1';
	return params;
}
