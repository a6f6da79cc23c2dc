import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './positions';

const G = sut.POSITION_GAP;
const col = (...pairs: [string, number][]) => pairs.map(([id, position]) => ({ id, position }));

describe('positionBetween', () => {
	it.each<[number | null, number | null, number | null]>([
		[null, null, G],
		[G, null, 2 * G],
		[null, G, G / 2],
		[G, 2 * G, 1.5 * G],
		[-10, null, -10 + G],
		[null, -10, -10 - G],
		[null, 0, -G],
		[5, 5, null],
		[6, 5, null],
		[1, 1 + 1e-7, null],
		[null, 1e-7, null],
		[Number.NaN, 1, null],
		[1, Number.POSITIVE_INFINITY, null]
	])('(%s, %s) → %s', (before, after, expected) => {
		expect(sut.positionBetween(before, after)).toBe(expected);
	});

	it('property: the result is strictly between its neighbours, or null', () => {
		const n = fc.option(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { nil: null });
		fc.assert(
			fc.property(n, n, (before, after) => {
				const p = sut.positionBetween(before, after);
				if (p === null) {
					// Refused only when the gap is under the minimum or no float fits in it; zero is the
					// floor before the first card.
					const low = before ?? 0;
					const mid = after === null ? Number.NaN : low + (after - low) / 2;
					expect(after !== null && (!(after - low >= sut.MIN_POSITION_GAP) || !(low < mid && mid < after))).toBe(true);
					return;
				}
				if (before !== null) expect(p).toBeGreaterThan(before);
				if (after !== null) expect(p).toBeLessThan(after);
			})
		);
	});
});

describe('rebalance', () => {
	it('spaces ids evenly by the gap, in order', () => {
		expect([...sut.rebalance(['a', 'b', 'c'])]).toEqual([
			['a', G],
			['b', 2 * G],
			['c', 3 * G]
		]);
		expect(sut.rebalance([]).size).toBe(0);
	});
});

describe('placeCard', () => {
	const column = col(['a', G], ['b', 2 * G], ['c', 3 * G]);

	it.each<[string, sut.PlaceTarget, number]>([
		['empty target goes to the end', {}, 4 * G],
		['before the first', { beforeId: 'a' }, G / 2],
		['before the middle', { beforeId: 'b' }, 1.5 * G],
		['after the middle', { afterId: 'b' }, 2.5 * G],
		['after the last', { afterId: 'c' }, 4 * G],
		['beforeId wins over afterId', { beforeId: 'a', afterId: 'c' }, G / 2],
		['an unknown beforeId falls back to afterId', { beforeId: 'zz', afterId: 'a' }, 1.5 * G],
		['unknown anchors go to the end', { beforeId: 'zz', afterId: 'yy' }, 4 * G]
	])('%s', (_name, target, expected) => {
		expect(sut.placeCard(column, 'x', target)).toEqual({ position: expected });
	});

	it('ignores the moving card itself', () => {
		expect(sut.placeCard(column, 'b', { afterId: 'a' })).toEqual({ position: 2 * G });
		expect(sut.placeCard(column, 'b', { beforeId: 'b' })).toEqual({ position: 4 * G });
		expect(sut.placeCard(column, 'a', {})).toEqual({ position: 4 * G });
	});

	it('places into an empty column at the first gap', () => {
		expect(sut.placeCard([], 'x', { beforeId: 'gone' })).toEqual({ position: G });
	});

	it('sorts its input, so a column in any order works', () => {
		expect(sut.placeCard([...column].reverse(), 'x', { beforeId: 'b' })).toEqual({ position: 1.5 * G });
	});

	it('rebalances the whole column, the moving card included, when the gap runs out', () => {
		const tight = col(['a', 1], ['b', 1 + 1e-7], ['c', 2]);
		const r = sut.placeCard(tight, 'x', { afterId: 'a' });
		expect(r.rebalance && [...r.rebalance]).toEqual([
			['a', G],
			['x', 2 * G],
			['b', 3 * G],
			['c', 4 * G]
		]);
		expect(r.position).toBe(2 * G);
	});

	it('heals equal positions left by concurrent drops', () => {
		const r = sut.placeCard(col(['a', G], ['b', 2 * G], ['c', 2 * G]), 'x', {});
		expect(r.rebalance?.size).toBe(4);
		expect(new Set(r.rebalance?.values()).size).toBe(4);
	});

	it('survives 200 drops on the same spot, rebalancing when needed', () => {
		let state = new Map<string, number>([['anchor', G]]);
		let rebalances = 0;
		for (let i = 0; i < 200; i++) {
			const rows = [...state].map(([id, position]) => ({ id, position }));
			const r = sut.placeCard(rows, `n${i}`, { beforeId: 'anchor' });
			if (r.rebalance) {
				rebalances++;
				state = new Map(r.rebalance);
			}
			state.set(`n${i}`, r.position);
		}
		const ordered = [...state].sort((a, b) => a[1] - b[1]).map(([id]) => id);
		expect(ordered.at(-1)).toBe('anchor');
		expect(ordered.at(-2)).toBe('n199');
		expect(rebalances).toBeGreaterThan(0);
	});

	it('property: random inserts and moves keep a strict order with the intended placement', () => {
		type Op = { kind: 'insert' | 'move'; pick: number; anchor: number; mode: 'before' | 'after' | 'both' | 'end' | 'stale' };
		const op: fc.Arbitrary<Op> = fc.record({
			kind: fc.constantFrom('insert', 'move'),
			pick: fc.nat(),
			// Mostly the same spot, so gaps really run out and rebalances get exercised.
			anchor: fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, { arbitrary: fc.nat(), weight: 1 }),
			mode: fc.oneof(
				{ arbitrary: fc.constantFrom('before' as const, 'after' as const), weight: 6 },
				{ arbitrary: fc.constantFrom('both' as const, 'end' as const, 'stale' as const), weight: 1 }
			)
		});
		let rebalanced = 0;
		fc.assert(
			fc.property(fc.array(op, { minLength: 1, maxLength: 200, size: 'max' }), (ops) => {
				const positions = new Map<string, number>();
				let order: string[] = [];
				let next = 0;
				for (const o of ops) {
					const moving = o.kind === 'move' && order.length ? order[o.pick % order.length] : `c${next++}`;
					const rest = order.filter((id) => id !== moving);
					const anchor = rest.length ? rest[o.anchor % rest.length] : null;
					const target: sut.PlaceTarget =
						o.mode === 'before'
							? { beforeId: anchor }
							: o.mode === 'after'
								? { afterId: anchor }
								: o.mode === 'both'
									? { beforeId: anchor, afterId: rest[0] ?? null }
									: o.mode === 'stale'
										? { beforeId: 'deleted', afterId: anchor }
										: {};
					const rows = [...positions].map(([id, position]) => ({ id, position }));
					const r = sut.placeCard(rows, moving, target);

					const idx =
						anchor === null || o.mode === 'end'
							? rest.length
							: o.mode === 'after' || o.mode === 'stale'
								? rest.indexOf(anchor) + 1
								: rest.indexOf(anchor);
					order = [...rest.slice(0, idx), moving, ...rest.slice(idx)];

					if (r.rebalance) {
						rebalanced++;
						expect([...r.rebalance.keys()].sort()).toEqual([...order].sort());
						for (const [id, p] of r.rebalance) positions.set(id, p);
					}
					positions.set(moving, r.position);

					const byPosition = [...positions].sort((a, b) => a[1] - b[1]);
					expect(byPosition.map(([id]) => id)).toEqual(order);
					expect(new Set(positions.values()).size).toBe(positions.size);
				}
			}),
			{ numRuns: 200 }
		);
		expect(rebalanced).toBeGreaterThan(0);
	});
});
