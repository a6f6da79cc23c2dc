import type { Stage } from '$lib/domain/stages';
import { neighbours, touchesColumns, withUnrendered, type Columns } from './board-logic';
import type { BoardCard, CardEvent, MoveRequest } from '$lib/types/board';

/** What a drag leaves behind: the remote events held back meanwhile, and whether a resync waits. */
export interface DragOutcome {
	queued: CardEvent[];
	resync: boolean;
}

/**
 * One drag (svelte-dnd-action): the per-column lists shown while dnd-action owns the order, and
 * the remote events that touch those columns, held back so the drop isn't disturbed.
 */
export class DragQueue {
	#lists = $state.raw<Partial<Record<Stage, BoardCard[]>> | null>(null);
	#stages = new Set<Stage>();
	#cardId: string | null = null;
	#queue: CardEvent[] = [];
	#resyncAfter = false;
	#endedAt = 0;

	get active(): boolean {
		return this.#lists !== null;
	}
	/** A drop can end in a click on the card's link; that click must not open the card. */
	get justDropped(): boolean {
		return Date.now() - this.#endedAt < 400;
	}
	/** dnd-action's working list for a column during a drag. */
	list(stage: Stage): BoardCard[] | undefined {
		return this.#lists?.[stage];
	}

	/** Columns a drag touches: their remote events wait until finish(). */
	begin(stages: Stage[], cardId: string | null = null): void {
		this.#lists ??= {};
		for (const s of stages) this.#stages.add(s);
		this.#cardId ??= cardId;
	}

	update(stage: Stage, items: BoardCard[]): void {
		this.begin([stage]);
		this.#lists = { ...this.#lists, [stage]: items };
	}

	/** Whether a remote event touches the dragged card or a column being dragged over. */
	disturbs(e: CardEvent, held: BoardCard | undefined): boolean {
		return this.active && (e.cardId === this.#cardId || touchesColumns(e, held, this.#stages));
	}

	/** Holds an event until the drop; `gap` means a catch-up must follow the drop. */
	hold(e: CardEvent, gap = false): void {
		this.#queue.push(e);
		if (gap) this.#resyncAfter = true;
	}

	/** A resync asked for mid-drag runs after the drop. */
	deferResync(): void {
		this.#resyncAfter = true;
	}

	/** The move the final order implies, or null when the card ended where it started. */
	intendedMove(cards: ReadonlyMap<string, BoardCard>, columns: Columns): MoveRequest | null {
		const lists = this.#lists;
		const id = this.#cardId;
		const card = id ? cards.get(id) : undefined;
		if (!lists || !card) return null;
		const target = (Object.entries(lists) as [Stage, BoardCard[]][]).find(([, items]) => items.some((c) => c.id === id));
		if (!target) return null;
		const [stage, items] = target;
		// The drag list holds the rendered cards only; the hidden rest of the column follows them.
		const now = neighbours(withUnrendered(items, columns[stage], card.id), card.id);
		const before = neighbours(columns[card.stage], card.id);
		if (stage === card.stage && now.afterId === before.afterId && now.beforeId === before.beforeId) return null;
		return { cardId: card.id, toStage: stage, afterId: now.afterId, beforeId: now.beforeId, version: card.version };
	}

	/** Ends the drag and hands back what it held, in seq order. */
	finish(): DragOutcome {
		this.#lists = null;
		this.#endedAt = Date.now();
		this.#stages.clear();
		this.#cardId = null;
		const queued = this.#queue.sort((a, b) => a.seq - b.seq);
		this.#queue = [];
		const resync = this.#resyncAfter;
		this.#resyncAfter = false;
		return { queued, resync };
	}
}
