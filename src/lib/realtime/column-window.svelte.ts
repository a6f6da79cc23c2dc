import type { Stage } from '$lib/domain/stages';
import { COLUMN_PAGE, shownAfterMove, type Columns } from './board-logic';
import type { BoardCard } from '$lib/types/board';

/**
 * Progressive rendering: a column renders its first cards and the rest wait for «Mostrar más»
 * (the count in its header is always the whole column).
 */
export class ColumnWindow {
	#columns: () => Columns;
	/** How many cards each column renders (COLUMN_PAGE unless «Mostrar más» or a move widened it). */
	#shown = $state.raw<Partial<Record<Stage, number>>>({});

	constructor(columns: () => Columns) {
		this.#columns = columns;
	}

	/** How many of a column's cards are rendered. */
	shownCount(stage: Stage): number {
		return this.#shown[stage] ?? COLUMN_PAGE;
	}
	/** Cards of the column that are not rendered yet. */
	hiddenCount(stage: Stage): number {
		return Math.max(0, this.#columns()[stage].length - this.shownCount(stage));
	}
	/** The column's first shownCount cards, in order. */
	visible(stage: Stage): BoardCard[] {
		return this.#columns()[stage].slice(0, this.shownCount(stage));
	}
	/** Renders up to `more` further cards of the column. */
	showMore(stage: Stage, more = COLUMN_PAGE): void {
		const shown = Math.min(this.shownCount(stage), this.#columns()[stage].length);
		this.#shown = { ...this.#shown, [stage]: shown + more };
	}

	/** A card this viewer just moved stays rendered where it landed, even past the column's window. */
	keepInView(stage: Stage, cardId: string, entered: boolean): void {
		const index = this.#columns()[stage].findIndex((c) => c.id === cardId);
		if (index < 0) return;
		const shown = shownAfterMove(this.shownCount(stage), index, entered);
		if (shown !== this.shownCount(stage)) this.#shown = { ...this.#shown, [stage]: shown };
	}
}
