import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { loadMigrations } from '../../../src/lib/server/db/migrate';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
	}
}

/**
 * initdb inside PGlite takes seconds; every suite instead loads a copy of one migrated
 * template (a data-dir tarball), which takes well under a second.
 */
export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'tablero-pglite-'));
	const pg = new PGlite();
	await pg.exec(
		`create table schema_migrations (version text primary key, name text not null, applied_at timestamptz not null default now())`
	);
	for (const m of loadMigrations()) {
		await pg.exec(m.sql);
		await pg.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
	}
	const dump = await pg.dumpDataDir('none');
	await pg.close();
	const file = join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteTemplate', file);
	return () => rmSync(dir, { recursive: true, force: true });
}
