// The app and the Supabase CLI share one ledger (supabase_migrations.schema_migrations), in both
// directions, on PGlite always and on PostgreSQL when TEST_DATABASE_URL is set. The CLI can't be
// installed here: its side is reproduced with the statements of its source (pkg/migration/history.go
// and file.go), in the order it runs them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/client';
import { closeDb, getDb } from '$lib/server/db/index';
import {
	currentVersion,
	loadMigrations,
	migrate,
	migrateOnStart,
	pendingMigrations,
	requireMigrated,
	type Migration
} from '$lib/server/db/migrate';
import { splitStatements } from '$lib/server/db/sql-split';
import { drivers } from './support/db';
import { emptyDatabase, type EmptyDatabase } from './support/empty-db';

const CLI_CREATE_LEDGER = [
	"SET lock_timeout = '4s'",
	'CREATE SCHEMA IF NOT EXISTS supabase_migrations',
	'CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)',
	'ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[]',
	'ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text'
];
const CLI_INSERT = 'INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES($1, $2, $3)';
const CLI_SELECT = "SELECT version, coalesce(name, '') as name, statements FROM supabase_migrations.schema_migrations";

const all = loadMigrations();
const fileName = (m: Migration) => `${m.version}_${m.name}.sql`;

/** `supabase db push`: the ledger, then each file's statements and its ledger row in one implicit transaction. */
async function cliPush(db: Database, migrations: Migration[]): Promise<void> {
	await db.begin(async (tx) => {
		for (const s of CLI_CREATE_LEDGER) await tx.exec(s);
	});
	for (const m of migrations) {
		const statements = splitStatements(m.sql);
		await db.begin(async (tx) => {
			for (const s of statements) await tx.exec(s);
			await tx.query(CLI_INSERT, [m.version, m.name, statements]);
		});
	}
}

async function publicTables(db: Database): Promise<string[]> {
	const rows = await db.query<{ name: string }>(
		`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'`
	);
	return rows.map((r) => r.name);
}

describe.each(drivers)('migration ledger on %s', (driver) => {
	let t: EmptyDatabase;
	beforeAll(async () => {
		t = await emptyDatabase(driver);
	}, 120_000);
	afterAll(async () => t?.cleanup());

	/** Back to an empty database between cases (a new one per case costs an initdb on PGlite). */
	async function reset() {
		await t.db.exec('drop schema if exists supabase_migrations cascade; drop schema public cascade; create schema public;');
	}

	it('a database the app migrated looks fully applied to the CLI: version, name and statements per file', async () => {
		await reset();
		expect(await migrate(t.db)).toBe(all.at(-1)!.version);
		await t.db.begin(async (tx) => {
			for (const s of CLI_CREATE_LEDGER) await tx.exec(s);
		});
		const rows = await t.db.query<{ version: string; name: string; statements: string[] }>(`${CLI_SELECT} order by version`);
		expect(rows).toEqual(all.map((m) => ({ version: m.version, name: m.name, statements: splitStatements(m.sql) })));
		const columns = await t.db.query<{ column_name: string; data_type: string; is_nullable: string }>(
			`select column_name, data_type, is_nullable from information_schema.columns
			 where table_schema = 'supabase_migrations' and table_name = 'schema_migrations' order by ordinal_position`
		);
		expect(columns).toEqual([
			{ column_name: 'version', data_type: 'text', is_nullable: 'NO' },
			{ column_name: 'statements', data_type: 'ARRAY', is_nullable: 'YES' },
			{ column_name: 'name', data_type: 'text', is_nullable: 'YES' }
		]);
		expect(
			await t.db.query(`select 1 from information_schema.tables where table_schema = 'public' and table_name = 'schema_migrations'`)
		).toEqual([]);
	}, 120_000);

	it('a database the CLI migrated starts the app without running anything again', async () => {
		await reset();
		await cliPush(t.db, all);
		const before = await t.db.query(`${CLI_SELECT} order by version`);
		// Running any migration again would fail (its tables exist), so a clean start proves nothing ran.
		expect(await migrate(t.db)).toBe(all.at(-1)!.version);
		expect(await t.db.query(`${CLI_SELECT} order by version`)).toEqual(before);
		await expect(requireMigrated(t.db)).resolves.toBeUndefined();
		expect(await currentVersion(t.db)).toBe(all.at(-1)!.version);
		const [ledger] = await t.db.query<{ rls: boolean }>(
			`select relrowsecurity as rls from pg_class where oid = 'supabase_migrations.schema_migrations'::regclass`
		);
		expect(ledger.rls).toBe(true);
	}, 120_000);

	it('the CLI pushes only what the app has not applied, and the app then sees it applied', async () => {
		await reset();
		await migrate(t.db, all.slice(0, -1));
		const listed = new Set(
			(await t.db.query<{ version: string }>('SELECT version FROM supabase_migrations.schema_migrations ORDER BY version')).map(
				(r) => r.version
			)
		);
		const toPush = all.filter((m) => !listed.has(m.version));
		expect(toPush.map(fileName)).toEqual([fileName(all.at(-1)!)]);
		await cliPush(t.db, toPush);
		expect(await pendingMigrations(t.db)).toEqual([]);
	}, 120_000);

	it('an installation from before the CLI ledger moves its rows over, drops the old table and applies the rest', async () => {
		await reset();
		const old = all.slice(0, -1);
		await t.db.exec(
			`create table schema_migrations (version text primary key, name text not null, applied_at timestamptz not null default now())`
		);
		for (const m of old) {
			await t.db.exec(m.sql);
			await t.db.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
		}
		expect(await migrate(t.db)).toBe(all.at(-1)!.version);
		const rows = await t.db.query<{ version: string; name: string; statements: string[] }>(`${CLI_SELECT} order by version`);
		expect(rows).toEqual(all.map((m) => ({ version: m.version, name: m.name, statements: splitStatements(m.sql) })));
		expect(await publicTables(t.db)).not.toContain('schema_migrations');
		expect(await migrate(t.db)).toBe(all.at(-1)!.version);
	}, 120_000);

	describe('MIGRATE_ON_START=false', () => {
		it('is off only when set to false, 0, no or off', () => {
			expect([undefined, '', 'true', '1'].map(migrateOnStart)).toEqual([true, true, true, true]);
			expect(['false', 'FALSE', '0', 'no', ' off '].map(migrateOnStart)).toEqual([false, false, false, false, false]);
		});

		it('refuses an empty database, listing every migration, and creates nothing', async () => {
			await reset();
			const err: Error = await requireMigrated(t.db).catch((e) => e);
			expect(err.message).toMatch(/^La base de datos no tiene aplicadas \d+ migraciones y MIGRATE_ON_START=false/);
			for (const m of all) expect(err.message).toContain(fileName(m));
			expect(err.message).toContain('supabase db push');
			expect(await publicTables(t.db)).toEqual([]);
			expect(await t.db.query(`select 1 from pg_namespace where nspname = 'supabase_migrations'`)).toEqual([]);
		}, 120_000);

		it('lists only the migrations the CLI has not pushed yet', async () => {
			await reset();
			await cliPush(t.db, all.slice(0, -1));
			// Refusing creates nothing; neither does accepting once the CLI pushed the rest.
			const before = await publicTables(t.db);
			const err: Error = await requireMigrated(t.db).catch((e) => e);
			expect(err.message).toContain('1 migraciones');
			expect(err.message).toContain(fileName(all.at(-1)!));
			expect(err.message).not.toContain(fileName(all[0]));
			expect(await publicTables(t.db)).toEqual(before);
			await cliPush(t.db, all.slice(-1));
			const pushed = await publicTables(t.db);
			await expect(requireMigrated(t.db)).resolves.toBeUndefined();
			expect(await publicTables(t.db)).toEqual(pushed);
		}, 120_000);
	});
});

describe('MIGRATE_ON_START at the app start (embedded database)', () => {
	const saved = { DATA_DIR: process.env.DATA_DIR, MIGRATE_ON_START: process.env.MIGRATE_ON_START, DATABASE_URL: process.env.DATABASE_URL };
	afterEach(async () => {
		await closeDb();
		for (const [k, v] of Object.entries(saved)) {
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
		}
	});

	it('does not start on a database with pending migrations, then starts once they are applied', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'tablero-migrate-on-start-'));
		try {
			delete process.env.DATABASE_URL;
			process.env.DATA_DIR = dir;
			process.env.MIGRATE_ON_START = 'false';
			await expect(getDb()).rejects.toThrow(/MIGRATE_ON_START=false impide aplicarlas/);
			process.env.MIGRATE_ON_START = 'true';
			const db = await getDb();
			expect(await currentVersion(db)).toBe(all.at(-1)!.version);
			await closeDb();
			process.env.MIGRATE_ON_START = 'false';
			expect(await currentVersion(await getDb())).toBe(all.at(-1)!.version);
		} finally {
			await closeDb();
			rmSync(dir, { recursive: true, force: true });
		}
	}, 180_000);
});
