import type { Stage } from '$lib/domain/stages';
import { COLUMN_PAGE, shownAfterMove, type Columns } from './board-logic';
import type { BoardCard } from '$lib/types/board';

/**
 * Progressive rendering: a column renders its first cards and the rest wait for «Mostrar más»
 * (the count in its header is always the whole column).
 */
export class ColumnWindow {
	#columns: () => Columns;
	#count: (stage: Stage) => number;
	/** How many cards each column renders (COLUMN_PAGE unless «Mostrar más» or a move widened it). */
	#shown = $state.raw<Partial<Record<Stage, number>>>({});
	/**
	 * The card this viewer last moved into each column: it stays rendered even when pages loaded
	 * later put it past the window (a move to the end of a long column lands beyond cards not loaded yet).
	 */
	#pinned = $state.raw<Partial<Record<Stage, string>>>({});

	/** `count`: the column's cards, loaded or not (its loaded cards when not given). */
	constructor(columns: () => Columns, count?: (stage: Stage) => number) {
		this.#columns = columns;
		this.#count = count ?? ((stage) => columns()[stage].length);
	}

	/** How many of a column's cards are rendered. */
	shownCount(stage: Stage): number {
		return this.#shown[stage] ?? COLUMN_PAGE;
	}
	/** Cards of the column that are not rendered yet (loaded or still on the server). */
	hiddenCount(stage: Stage): number {
		return Math.max(0, this.#count(stage) - this.visible(stage).length);
	}
	/** The column's first shownCount cards, in order, and the card this viewer moved there if it is further down. */
	visible(stage: Stage): BoardCard[] {
		const column = this.#columns()[stage];
		const shown = column.slice(0, this.shownCount(stage));
		const pinned = this.#pinned[stage];
		if (!pinned || shown.some((c) => c.id === pinned)) return shown;
		const card = column.find((c) => c.id === pinned);
		return card ? [...shown, card] : shown;
	}
	/** Renders up to `more` further cards of the column. */
	showMore(stage: Stage, more = COLUMN_PAGE): void {
		const shown = Math.min(this.shownCount(stage), this.#columns()[stage].length) + more;
		// Once the whole column is rendered it stays whole: a card someone else adds shows up instead
		// of pushing the last one out of the window.
		this.#shown = { ...this.#shown, [stage]: shown >= this.#count(stage) ? Number.POSITIVE_INFINITY : shown };
	}

	/** A card this viewer just moved stays rendered where it landed, even past the column's window. */
	keepInView(stage: Stage, cardId: string, entered: boolean): void {
		const index = this.#columns()[stage].findIndex((c) => c.id === cardId);
		if (index < 0) return;
		if (this.#pinned[stage] !== cardId) this.#pinned = { ...this.#pinned, [stage]: cardId };
		const shown = shownAfterMove(this.shownCount(stage), index, entered);
		if (shown !== this.shownCount(stage)) this.#shown = { ...this.#shown, [stage]: shown };
	}
}
