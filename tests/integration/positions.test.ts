// Card positions are computed in one place, the database (board_position_between and board_move);
// these are the rules the TypeScript copy used to be tested for, now asserted on the SQL itself.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { moveCard } from '$lib/server/services/moves';
import { MIN_POSITION_GAP, POSITION_GAP } from '$lib/domain/positions';

const G = POSITION_GAP;

describe.each(drivers)('card positions on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(async () => t.cleanup());

	const between = async (before: number | null, after: number | null) => {
		const [row] = await t.db.query<{ p: number | null }>('select board_position_between($1::float8, $2::float8, $3, $4) as p', [
			before === null ? null : String(before),
			after === null ? null : String(after),
			G,
			MIN_POSITION_GAP
		]);
		return row.p;
	};

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
	])('a position between (%s, %s) is %s', async (before, after, expected) => {
		expect(await between(before, after)).toBe(expected);
	});

	it('property: a position is strictly between its neighbours, or null only when no usable room is left', async () => {
		const n = fc.option(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { nil: null });
		await fc.assert(
			fc.asyncProperty(n, n, async (before, after) => {
				const p = await between(before, after);
				if (p === null) {
					// Zero is the floor before the first card.
					const low = before ?? 0;
					const mid = after === null ? Number.NaN : low + (after - low) / 2;
					expect(after !== null && (!(after - low >= MIN_POSITION_GAP) || !(low < mid && mid < after))).toBe(true);
					return;
				}
				if (before !== null) expect(p).toBeGreaterThan(before);
				if (after !== null) expect(p).toBeLessThan(after);
			}),
			{ numRuns: 150 }
		);
	});

	describe('where a move lands', () => {
		let a: string, b: string, c: string, x: string;
		beforeAll(async () => {
			const org = o.org.id;
			[a, b, c] = await Promise.all([G, 2 * G, 3 * G].map(async (position) => (await makeCard(t.db, org, { position })).id));
			x = (await makeCard(t.db, org, { stage: 'cobertura_confirmada', position: G })).id;
		});
		const reset = () =>
			t.db.query(
				`update installations set position = case id when $1 then $4::float8 when $2 then $5::float8 when $3 then $6::float8 end
				 where id in ($1, $2, $3)`,
				[a, b, c, G, 2 * G, 3 * G]
			);
		const land = async (cardId: string, target: { beforeId?: string; afterId?: string }) => {
			await reset();
			const res = await moveCard(t.db, o.admin, { cardId, toStage: 'preinstalacion', version: 1, ...target });
			expect(res.ok).toBe(true);
			const [row] = await t.db.query<{ position: number }>('select position from installations where id = $1', [cardId]);
			// The card leaves again, so the next case starts from the same three-card column.
			await t.db.query(`update installations set stage = 'cobertura_confirmada' where id = $1 and id = $2`, [cardId, x]);
			return row.position;
		};
		const gone = randomUUID();

		it.each<[string, () => { beforeId?: string; afterId?: string }, number]>([
			['no anchor: the end of the column', () => ({}), 4 * G],
			['before the first', () => ({ beforeId: a }), G / 2],
			['before the middle', () => ({ beforeId: b }), 1.5 * G],
			['after the middle', () => ({ afterId: b }), 2.5 * G],
			['after the last', () => ({ afterId: c }), 4 * G],
			['beforeId wins over afterId', () => ({ beforeId: a, afterId: c }), G / 2],
			['an anchor that is not in the column: the end', () => ({ beforeId: gone, afterId: a }), 4 * G]
		])('%s', async (_name, target, expected) => {
			expect(await land(x, target())).toBe(expected);
		});

		it('leaves the moving card itself out of its neighbours', async () => {
			expect(await land(b, { afterId: a })).toBe(2 * G);
			expect(await land(b, { beforeId: b })).toBe(4 * G);
			expect(await land(a, {})).toBe(4 * G);
		});
	});

	it('places the first card of an empty column at the first gap', async () => {
		const org = await makeOrg(t.db);
		const card = await makeCard(t.db, org.org.id, { stage: 'cobertura_confirmada' });
		const res = await moveCard(t.db, org.admin, { cardId: card.id, toStage: 'preinstalacion', version: 1, beforeId: randomUUID() });
		expect(res.ok && res.card.position).toBe(G);
	});

	it('survives 200 drops on the same spot, renumbering the column when the gap runs out', async () => {
		const org = await makeOrg(t.db);
		const anchor = await makeCard(t.db, org.org.id, { position: G });
		const cards = await t.db.query<{ id: string }>(
			`insert into installations (org_id, full_name, stage, position)
			 select $1, 'Cliente ' || g, 'cobertura_confirmada', g * 65536 from generate_series(1, 200) g returning id`,
			[org.org.id]
		);
		let renumbered = 0;
		for (const card of cards) {
			const [{ p }] = await t.db.query<{ p: number }>('select position as p from installations where id = $1', [anchor.id]);
			const res = await moveCard(t.db, org.admin, { cardId: card.id, toStage: 'preinstalacion', version: 1, beforeId: anchor.id });
			expect(res.ok).toBe(true);
			const [{ q }] = await t.db.query<{ q: number }>('select position as q from installations where id = $1', [anchor.id]);
			if (q !== p) renumbered++;
		}
		const rows = await t.db.query<{ id: string; position: number }>(
			`select id, position from installations where org_id = $1 and stage = 'preinstalacion' order by position`,
			[org.org.id]
		);
		expect(rows.at(-1)!.id).toBe(anchor.id);
		expect(rows.at(-2)!.id).toBe(cards.at(-1)!.id);
		expect(new Set(rows.map((r) => r.position)).size).toBe(201);
		expect(renumbered).toBeGreaterThan(0);
	});
});
