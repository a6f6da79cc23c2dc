/**
 * Card order inside a column: floats with wide gaps (as Planka and Vikunja do), so a move writes
 * one row. Only when two neighbours get too close do we renumber the whole column.
 * Store positions as `double precision`; `real` would run out of gap after a handful of moves.
 */
export const POSITION_GAP = 65536;
/** Below this the next midpoint would be too close to its neighbours to survive a round trip. */
export const MIN_POSITION_GAP = 1e-6;

export interface Positioned {
	id: string;
	position: number;
}

export interface PlaceTarget {
	beforeId?: string | null;
	afterId?: string | null;
}

export interface Placement {
	position: number;
	/** The whole column renumbered, the moving card included; present only when the gap ran out. */
	rebalance?: Map<string, number>;
}

/**
 * A position strictly between two neighbours (null = column edge), or null when there is no
 * usable room left and the column needs a rebalance.
 */
export function positionBetween(before: number | null, after: number | null): number | null {
	if ((before !== null && !Number.isFinite(before)) || (after !== null && !Number.isFinite(after))) {
		return null;
	}
	if (before === null) {
		if (after === null) return POSITION_GAP;
		// Halving towards zero keeps positions positive, with zero as the floor.
		return after > 0 ? strictlyBetween(0, after) : strictlyBetween(after - 2 * POSITION_GAP, after);
	}
	if (after === null) {
		const next = before + POSITION_GAP;
		return next > before ? next : null;
	}
	return strictlyBetween(before, after);
}

function strictlyBetween(low: number, high: number): number | null {
	if (!(high - low >= MIN_POSITION_GAP)) return null;
	const mid = low + (high - low) / 2;
	return low < mid && mid < high ? mid : null;
}

/** Evenly spaced positions for ids in the given order. */
export function rebalance(ids: readonly string[]): Map<string, number> {
	return new Map(ids.map((id, i) => [id, (i + 1) * POSITION_GAP]));
}

/**
 * Where `movingId` lands in a column. `beforeId` wins when both anchors are given; an anchor that
 * is not in the column any more (moved or deleted by someone else meanwhile) is ignored, and with
 * no usable anchor the card goes to the end.
 */
export function placeCard(columnSorted: readonly Positioned[], movingId: string, target: PlaceTarget = {}): Placement {
	// Sorting again is cheap and protects us from a caller that passed rows in id order.
	const others = columnSorted
		.filter((c) => c.id !== movingId)
		.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const indexOf = (id: string | null | undefined) => (id ? others.findIndex((c) => c.id === id) : -1);

	let insertAt = others.length;
	const beforeIdx = indexOf(target.beforeId);
	const afterIdx = indexOf(target.afterId);
	if (beforeIdx >= 0) insertAt = beforeIdx;
	else if (afterIdx >= 0) insertAt = afterIdx + 1;

	// Two concurrent drops can leave equal positions anywhere in the column; renumbering on the
	// next move heals them instead of letting the tie decide the order.
	const tied = others.some((c, i) => i > 0 && !(c.position > others[i - 1].position));
	const position = tied ? null : positionBetween(others[insertAt - 1]?.position ?? null, others[insertAt]?.position ?? null);
	if (position !== null) return { position };

	const ids = others.map((c) => c.id);
	ids.splice(insertAt, 0, movingId);
	const map = rebalance(ids);
	return { position: map.get(movingId)!, rebalance: map };
}
