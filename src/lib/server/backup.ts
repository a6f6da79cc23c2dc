import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './db/client';
import * as backupData from './db/backup';
import { currentVersion, migrate } from './db/migrate';

export interface BackupManifest {
	createdAt: string;
	driver: string;
	migration: string | null;
	tables: Record<string, number>;
	files: boolean;
}

/**
 * Writes `database.sql` (plain SQL: one INSERT … json_populate_recordset per chunk, runnable with
 * psql too) and a copy of the uploaded files. The schema itself comes from the migrations.
 */
export async function backup(db: Database, dir: string, filesDir?: string): Promise<BackupManifest> {
	mkdirSync(dir, { recursive: true });
	const out: string[] = ['-- Respaldo del tablero de instalaciones: datos (el esquema sale de supabase/migrations).'];
	const manifest: BackupManifest = {
		createdAt: new Date().toISOString(),
		driver: db.driver,
		migration: await currentVersion(db),
		tables: {},
		files: false
	};
	const { statements, counts } = await backupData.dump(db);
	out.push(...statements);
	manifest.tables = counts;
	writeFileSync(join(dir, 'database.sql'), out.join('\n') + '\n');
	if (filesDir && existsSync(filesDir)) {
		cpSync(filesDir, join(dir, 'files'), { recursive: true });
		manifest.files = true;
	}
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
	return manifest;
}

/**
 * Restores into an EMPTY database (fresh data directory or new PostgreSQL database): migrations,
 * then the data with triggers off (no board events, versions kept), then sequences past the data.
 */
export async function restore(db: Database, dir: string, filesDir?: string): Promise<BackupManifest> {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
	const sql = readFileSync(join(dir, 'database.sql'), 'utf8');
	await migrate(db);
	if ((await backupData.organizationCount(db)) > 0)
		throw new Error('La base de datos de destino ya tiene datos. Restaura en una carpeta de datos o base nueva.');
	await backupData.load(db, sql);
	if (filesDir && existsSync(join(dir, 'files'))) {
		mkdirSync(filesDir, { recursive: true });
		cpSync(join(dir, 'files'), filesDir, { recursive: true });
	}
	return manifest;
}
