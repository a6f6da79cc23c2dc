import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database, RawRunner } from './client';
import { splitStatements } from './sql-split';

export interface Migration {
	version: string;
	name: string;
	sql: string;
}

/** The Supabase CLI's own naming: `<digits>_<name>.sql`, version = the digits, name = the rest. */
const FILE = /^(\d{14})_([a-z0-9_]+)\.sql$/;

/**
 * The Supabase CLI's ledger, created with the CLI's own statements (pkg/migration/history.go), so
 * `supabase db push` and this app read and write the same table whichever of them created it.
 * RLS is on like every table the app owns; the CLI and the app connect as the owner, which bypasses it.
 */
const LEDGER = [
	'create schema if not exists supabase_migrations',
	'create table if not exists supabase_migrations.schema_migrations (version text not null primary key)',
	'alter table supabase_migrations.schema_migrations add column if not exists statements text[]',
	'alter table supabase_migrations.schema_migrations add column if not exists name text',
	'alter table supabase_migrations.schema_migrations enable row level security'
];
const RECORD = 'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)';

export function migrationsDir(): string {
	return resolve(process.env.MIGRATIONS_DIR ?? join(process.cwd(), 'supabase', 'migrations'));
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
	return readdirSync(dir)
		.filter((f) => FILE.test(f))
		.sort()
		.map((f) => {
			const [, version, name] = FILE.exec(f)!;
			return { version, name, sql: readFileSync(join(dir, f), 'utf8') };
		});
}

/** Creates the ledger if missing (idempotent, the CLI's own statements). */
export async function createLedger(tx: RawRunner): Promise<void> {
	for (const statement of LEDGER) await tx.exec(statement);
}

/** Writes a ledger row as `supabase db push` does: the statements of the file, split and trimmed. */
export async function record(tx: RawRunner, m: Migration): Promise<void> {
	await tx.query(RECORD, [m.version, m.name, splitStatements(m.sql)]);
}

async function hasTable(tx: RawRunner, name: string): Promise<boolean> {
	const [row] = await tx.query<{ found: boolean }>('select to_regclass($1) is not null as found', [name]);
	return row.found;
}

/**
 * Installations from before the CLI's ledger kept it in public.schema_migrations: its rows move
 * to the CLI's ledger (statements from the local file when there is one) and the old table goes,
 * so `supabase db push` sees those migrations as applied instead of running them again.
 */
async function adoptLegacyLedger(tx: RawRunner, migrations: Migration[]): Promise<void> {
	if (!(await hasTable(tx, 'public.schema_migrations'))) return;
	await createLedger(tx);
	const old = await tx.query<{ version: string; name: string }>('select version, name from public.schema_migrations order by version');
	const known = new Set(
		(await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map((r) => r.version)
	);
	for (const row of old) {
		if (known.has(row.version)) continue;
		await record(tx, migrations.find((m) => m.version === row.version) ?? { ...row, sql: '' });
	}
	await tx.exec('drop table public.schema_migrations');
}

async function appliedVersions(tx: RawRunner): Promise<Set<string>> {
	if (!(await hasTable(tx, 'supabase_migrations.schema_migrations'))) return new Set();
	return new Set((await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map((r) => r.version));
}

/** On PostgreSQL an advisory lock makes concurrent instances wait for each other instead of racing. */
async function locked<T>(db: Database, fn: (tx: RawRunner) => Promise<T>): Promise<T> {
	return db.begin(async (tx) => {
		if (db.driver === 'postgres') await tx.query(`select pg_advisory_xact_lock(727274)`);
		return fn(tx);
	});
}

/**
 * Applies pending migrations in one transaction, each recorded in the CLI's ledger.
 * Returns the latest applied version.
 */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<string | null> {
	return locked(db, async (tx) => {
		await adoptLegacyLedger(tx, migrations);
		await createLedger(tx);
		const applied = await appliedVersions(tx);
		for (const m of migrations) {
			if (applied.has(m.version)) continue;
			await tx.exec(m.sql);
			await record(tx, m);
		}
		return latest(tx);
	});
}

/** The migrations the ledger doesn't list (after moving a pre-CLI ledger over). */
export async function pendingMigrations(db: Database, migrations = loadMigrations()): Promise<Migration[]> {
	return locked(db, async (tx) => {
		await adoptLegacyLedger(tx, migrations);
		const applied = await appliedVersions(tx);
		return migrations.filter((m) => !applied.has(m.version));
	});
}

/**
 * For MIGRATE_ON_START=false (a team that migrates with `supabase db push`): nothing is applied,
 * and a database that lacks migrations stops the start instead of failing later on a missing column.
 */
export async function requireMigrated(db: Database, migrations = loadMigrations()): Promise<void> {
	const pending = await pendingMigrations(db, migrations);
	if (!pending.length) return;
	throw new Error(
		`La base de datos no tiene aplicadas ${pending.length} migraciones y MIGRATE_ON_START=false impide aplicarlas al arrancar: ` +
			pending.map((m) => `${m.version}_${m.name}.sql`).join(', ') +
			'. Aplícalas con `supabase db push` (o arranca con MIGRATE_ON_START=true) y vuelve a iniciar.'
	);
}

/** MIGRATE_ON_START: on unless set to false/0/no. */
export function migrateOnStart(value = process.env.MIGRATE_ON_START): boolean {
	return !/^(false|0|no|off)$/i.test((value ?? '').trim());
}

async function latest(tx: RawRunner): Promise<string | null> {
	if (!(await hasTable(tx, 'supabase_migrations.schema_migrations'))) return null;
	const [row] = await tx.query<{ version: string }>('select max(version) as version from supabase_migrations.schema_migrations');
	return row?.version ?? null;
}

export async function currentVersion(db: Database): Promise<string | null> {
	return latest(db);
}
