import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { rowsOf } from '$lib/server/db/card-tx';
import { withoutJit } from '$lib/server/db/reports-common';

// A report's queries run without PostgreSQL's JIT (docs/benchmarks.md, «Reports — notes»): over two
// years compiling the plan cost three times the query. Only inside the report's transaction.
describe.each(drivers)('reports without JIT on %s', (driver) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(async () => {
		await t?.cleanup();
	});

	it("turns JIT off for the report's own queries and leaves the connection as it was", async () => {
		const jit = async () => (await rowsOf<{ jit: string }>(t.db.orm, sql`select current_setting('jit') as jit`))[0].jit;
		const before = await jit();
		const inside = await withoutJit(
			t.db,
			async (exec) => (await rowsOf<{ jit: string }>(exec, sql`select current_setting('jit') as jit`))[0].jit
		);
		// PGlite is built without JIT: nothing to turn off, and no transaction is opened for it.
		expect(inside).toBe(driver === 'postgres' ? 'off' : before);
		expect(await jit()).toBe(before);
		if (driver === 'postgres') expect(before).toBe('on');
	});
});
