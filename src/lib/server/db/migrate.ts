import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from './client';

export interface Migration {
	version: string;
	name: string;
	sql: string;
}

const FILE = /^(\d{14})_([a-z0-9_]+)\.sql$/;

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

/**
 * Applies pending migrations in one transaction. On PostgreSQL an advisory lock makes
 * concurrent instances wait for each other instead of racing.
 * Returns the latest applied version.
 */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<string | null> {
	return db.begin(async (tx) => {
		if (db.driver === 'postgres') await tx.query(`select pg_advisory_xact_lock(727274)`);
		await tx.exec(`create table if not exists schema_migrations (
			version text primary key,
			name text not null,
			applied_at timestamptz not null default now()
		)`);
		const applied = new Set((await tx.query<{ version: string }>('select version from schema_migrations')).map((r) => r.version));
		for (const m of migrations) {
			if (applied.has(m.version)) continue;
			await tx.exec(m.sql);
			await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
		}
		const [last] = await tx.query<{ version: string }>('select version from schema_migrations order by version desc limit 1');
		return last?.version ?? null;
	});
}

export async function currentVersion(db: Database): Promise<string | null> {
	const [row] = await db.query<{ version: string }>('select version from schema_migrations order by version desc limit 1');
	return row?.version ?? null;
}
