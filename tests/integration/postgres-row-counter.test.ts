// postgres.js 3.4.x keeps a per-connection row counter that only a CommandComplete resets (upstream
// issues #1119 and #1181). A query that fails after sending rows, or whose connection is cut while
// rows stream in (pg_terminate_backend, a pooler reset), leaves it standing, and the connection's
// next query resolves with that many holes before its own rows: `const [row] = rows` is then
// undefined. The app read "no session" that way during the fault suite's terminate rounds and
// answered 401 to a signed-in user. src/patches/postgres+3.4.9.patch resets it on every
// ReadyForQuery and when the connection closes.
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('postgres.js row counter after a query that failed mid-stream', () => {
	const sql = postgres(adminUrl ?? '', { max: 1, onnotice: () => {}, backoff: () => 0.05 });
	const admin = postgres(adminUrl ?? '', { max: 1, onnotice: () => {} });
	afterAll(() => Promise.all([sql.end({ timeout: 5 }), admin.end({ timeout: 5 })]));

	it('the next query on the connection gets its own rows, no leading holes, after an error', async () => {
		// Three rows are sent, then the fourth divides by zero.
		const failed = await sql`select i, 1 / (4 - i) as boom from generate_series(1, 10) i`.catch((e: { code?: string }) => e);
		expect((failed as { code?: string }).code).toBe('22012');
		const rows = await sql`select x from generate_series(1, 2) x`;
		expect(rows.length).toBe(2);
		expect(rows[0]).toEqual({ x: 1 });
	});

	it('the first query on the reconnected connection gets its own rows after its backend was killed mid-stream', async () => {
		const [{ pid }] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
		// Rows arrive one by one until the backend is killed under the query.
		const streaming = sql`select i, pg_sleep(0.05) from generate_series(1, 200) i`.catch((e: { code?: string }) => e);
		await new Promise((r) => setTimeout(r, 400));
		await admin`select pg_terminate_backend(${pid})`;
		const failed = await streaming;
		expect(failed).toBeInstanceOf(Error);
		const rows = await sql`select 'ok' as v`;
		expect(rows.length).toBe(1);
		expect(rows[0]).toEqual({ v: 'ok' });
	});
});
