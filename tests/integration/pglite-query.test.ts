// PGlite statements in one protocol exchange: the same rows, errors, notifications and locking as
// PGlite's own query(), which the helper falls back to for parameters it can't send as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { queryInOneExchange } from '$lib/server/db/pglite-query';

describe('PGlite queries in one exchange', () => {
	let pg: PGlite;
	beforeAll(async () => {
		pg = new PGlite();
		await pg.waitReady;
		await pg.exec(`create table t (id uuid primary key default gen_random_uuid(), n int, x float8, ok bool, s text unique,
			at timestamptz default '2026-11-21T10:00:00Z', j jsonb default '{"a": [1, 2]}')`);
	});
	afterAll(async () => pg.close());

	it('returns exactly what query() returns, typed the same', async () => {
		const text = `insert into t (n, x, ok, s) values ($1, $2, $3, $4) returning n, x, ok, s, at, j, n::bigint as big, $5::text as nothing`;
		const fast = await queryInOneExchange<Record<string, unknown>>(pg, text, [7, 1e-6, true, 'uno', null]);
		const slow = (await pg.query<Record<string, unknown>>(text, [8, 2.5, false, 'dos', undefined])).rows;
		expect(fast).toEqual([
			{ n: 7, x: 1e-6, ok: true, s: 'uno', at: new Date('2026-11-21T10:00:00Z'), j: { a: [1, 2] }, big: 7, nothing: null }
		]);
		expect(Object.keys(slow[0])).toEqual(Object.keys(fast![0]));
		expect(slow[0]).toMatchObject({ n: 8, x: 2.5, ok: false, s: 'dos', big: 8, nothing: null });
		expect(await queryInOneExchange(pg, 'update t set n = n + 1 where s = $1', ['nadie'])).toEqual([]);
	});

	it('leaves arrays, dates and objects to query()', async () => {
		expect(await queryInOneExchange(pg, 'select $1::text[] as a', [['a']])).toBeNull();
		expect(await queryInOneExchange(pg, 'select $1::timestamptz as d', [new Date()])).toBeNull();
		expect(await queryInOneExchange(pg, 'select $1::jsonb as j', [{ a: 1 }])).toBeNull();
	});

	it('throws the database error with its code and stays usable', async () => {
		await queryInOneExchange(pg, 'insert into t (s) values ($1)', ['repetido']);
		await expect(queryInOneExchange(pg, 'insert into t (s) values ($1)', ['repetido'])).rejects.toMatchObject({ code: '23505' });
		expect(await queryInOneExchange(pg, 'select count(*)::int as n from t where s = $1', ['repetido'])).toEqual([{ n: 1 }]);
	});

	it('delivers notifications to listeners', async () => {
		const got: string[] = [];
		const unlisten = await pg.listen('canal', (p) => got.push(p));
		await queryInOneExchange(pg, `select pg_notify('canal', $1)`, ['hola']);
		await new Promise((r) => setTimeout(r, 10));
		expect(got).toEqual(['hola']);
		await unlisten();
	});

	it('never runs inside another caller’s open transaction', async () => {
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		const tx = pg.transaction(async (t) => {
			await t.query(`insert into t (s) values ('en transacción')`);
			await held;
			await t.query(`update t set n = 99 where s = 'en transacción'`);
		});
		await new Promise((r) => setTimeout(r, 10));
		const read = queryInOneExchange<{ n: number | null }>(pg, 'select n from t where s = $1', ['en transacción']);
		release();
		await tx;
		// It waited for the commit: it sees the whole transaction, never half of it.
		expect(await read).toEqual([{ n: 99 }]);
	});
});
