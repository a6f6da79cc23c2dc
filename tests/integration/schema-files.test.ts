// supabase/schemas (the declarative schema) must describe exactly what supabase/migrations build,
// on PGlite always and on PostgreSQL when TEST_DATABASE_URL is set.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as catalog from '$lib/server/db/pg-catalog';
import { migrate } from '$lib/server/db/migrate';
import { render } from '$lib/server/db/schema-files';
import type { Database } from '$lib/server/db/client';
import { drivers } from './support/db';
import { emptyDatabase, type EmptyDatabase } from './support/empty-db';

const schemasDir = join(process.cwd(), 'supabase', 'schemas');

function schemaFiles(): Map<string, string> {
	const names = readdirSync(schemasDir)
		.filter((f) => f.endsWith('.sql'))
		.sort();
	return new Map(names.map((f) => [f, readFileSync(join(schemasDir, f), 'utf8')]));
}

/** Applies the files to an emptied `public` (one database serves every case: initdb is slow on PGlite). */
async function apply(db: Database, files: Map<string, string>): Promise<void> {
	await db.exec('drop schema public cascade; create schema public;');
	for (const [name, sql] of files) {
		await db.exec(sql).catch((err: Error) => {
			throw new Error(`${name}: ${err.message}`);
		});
	}
}

/** The facts only one side has, as a readable list. */
function difference(migrated: string[], declared: string[]): string {
	const a = new Set(migrated);
	const b = new Set(declared);
	return [
		...migrated.filter((l) => !b.has(l)).map((l) => `  migraciones:  ${l}`),
		...declared.filter((l) => !a.has(l)).map((l) => `  declarativo:  ${l}`)
	].join('\n');
}

describe.each(drivers)('declarative schema on %s', (driver) => {
	let migrated: EmptyDatabase;
	let scratch: EmptyDatabase;
	let migratedFacts: string[];

	beforeAll(async () => {
		[migrated, scratch] = await Promise.all([emptyDatabase(driver), emptyDatabase(driver)]);
		await migrate(migrated.db);
		migratedFacts = catalog.facts(await catalog.read(migrated.db));
	}, 120_000);
	afterAll(async () => {
		for (const d of [migrated, scratch]) await d?.cleanup();
	});

	it('supabase/schemas/*.sql builds the same schema as all of supabase/migrations', async () => {
		const declared = scratch;
		let facts: string[] = [];
		let failure = '';
		try {
			await apply(declared.db, schemaFiles());
			facts = catalog.facts(await catalog.read(declared.db));
		} catch (err) {
			failure = `Un archivo de supabase/schemas no se pudo aplicar (${(err as Error).message}).\n`;
		}
		const diff = failure || difference(migratedFacts, facts);
		expect(
			diff,
			`supabase/schemas no coincide con supabase/migrations. Ejecuta \`npm run db:schemas\` y confirma el resultado.\n${diff}`
		).toBe('');
	}, 120_000);

	it('the generator writes files that rebuild the migrated schema exactly', async () => {
		const files = render(await catalog.read(migrated.db));
		expect([...files.keys()].some((f) => f.includes('_table_installations'))).toBe(true);
		expect([...files.keys()].some((f) => f.includes('_function_board_move'))).toBe(true);
		const rebuilt = scratch;
		await apply(rebuilt.db, files);
		expect(difference(migratedFacts, catalog.facts(await catalog.read(rebuilt.db)))).toBe('');
	}, 120_000);

	it('the comparison sees a difference a stale file would leave', async () => {
		const files = render(await catalog.read(migrated.db));
		const name = [...files.keys()].find((f) => f.endsWith('_table_users.sql'))!;
		files.set(name, files.get(name)!.replace("\tlocale text default 'es'::text not null,\n", ''));
		const stale = scratch;
		await apply(stale.db, files);
		expect(difference(migratedFacts, catalog.facts(await catalog.read(stale.db)))).toMatch(/migraciones: {2}column users\.locale/);
	}, 120_000);

	it('every table in public, and the migration ledger, has row level security on', async () => {
		const rows = await migrated.db.query<{ name: string; rls: boolean }>(`
			select n.nspname || '.' || c.relname as name, c.relrowsecurity as rls
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where c.relkind in ('r', 'p') and (n.nspname = 'public' or (n.nspname = 'supabase_migrations' and c.relname = 'schema_migrations'))`);
		expect(rows.length).toBeGreaterThan(20);
		expect(rows.map((r) => r.name)).toContain('supabase_migrations.schema_migrations');
		expect(rows.filter((r) => !r.rls).map((r) => r.name)).toEqual([]);
	});
});
