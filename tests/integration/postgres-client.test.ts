// The PostgreSQL driver runs its statements as named prepared statements (one round trip, parsed
// once per connection), and none at all behind a transaction-mode pooler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransactionPooler, openDatabase, type Database } from '$lib/server/db/client';
import { freshDatabase, type TestDatabase } from './support/db';

const adminUrl = process.env.TEST_DATABASE_URL;

describe('transaction-mode poolers are recognised by their URL', () => {
	it('port 6543 or pgbouncer=true, nothing else', () => {
		expect(isTransactionPooler('postgres://u:p@aws-0-us-east-1.pooler.supabase.com:6543/postgres')).toBe(true);
		expect(isTransactionPooler('postgres://u:p@db.example.mx:5432/postgres?pgbouncer=true')).toBe(true);
		expect(isTransactionPooler('postgres://u:p@aws-0-us-east-1.pooler.supabase.com:5432/postgres')).toBe(false);
		expect(isTransactionPooler('postgres://u:p@db.example.mx/postgres?pgbouncer=false')).toBe(false);
		expect(isTransactionPooler('no es una url')).toBe(false);
	});
});

describe.skipIf(!adminUrl)('PostgreSQL statements', () => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase('postgres');
	});
	afterAll(async () => t?.cleanup());

	/** Runs one statement three times on one connection and lists what that connection has prepared. */
	async function preparedAfterUse(db: Database) {
		return db.begin(async (tx) => {
			const rows = [];
			for (const n of [1, 2, 3])
				rows.push(...(await tx.query<{ n: number; s: string }>(`select $1::int as n, $2::text as s /* marcador */`, [n, 'ñ'])));
			const prepared = await tx.query<{ statement: string }>(
				`select statement from pg_prepared_statements where statement like '%marcador%' and statement not like '%pg_prepared_statements%'`
			);
			return { rows, prepared };
		});
	}

	it('prepares each statement once per connection and reuses it', async () => {
		const { rows, prepared } = await preparedAfterUse(t.db);
		expect(rows).toEqual([
			{ n: 1, s: 'ñ' },
			{ n: 2, s: 'ñ' },
			{ n: 3, s: 'ñ' }
		]);
		expect(prepared).toHaveLength(1);
	});

	const poolerUrl = () => {
		const url = new URL(t.url!);
		url.searchParams.set('pgbouncer', 'true');
		return url.toString();
	};
	it.each([
		// The mark is the app's own: it is not sent to the server, which would refuse it.
		['a URL marked pgbouncer=true connects', () => ({ url: poolerUrl() })],
		['preparing turned off', () => ({ url: t.url!, prepareStatements: false })]
	])('prepares nothing behind a transaction-mode pooler: %s', async (_case, options) => {
		const db = await openDatabase({ ...options(), maxConnections: 1 });
		try {
			const { rows, prepared } = await preparedAfterUse(db);
			expect(rows.map((r) => r.n)).toEqual([1, 2, 3]);
			expect(prepared).toEqual([]);
		} finally {
			await db.close();
		}
	});
});
