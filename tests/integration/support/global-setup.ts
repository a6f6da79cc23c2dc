import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { createLedger, loadMigrations, record } from '../../../src/lib/server/db/migrate';

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
	const runner = {
		query: async <T>(text: string, params?: unknown[]) => (await pg.query<T>(text, params)).rows,
		exec: async (text: string) => void (await pg.exec(text))
	};
	await createLedger(runner);
	for (const m of loadMigrations()) {
		await pg.exec(m.sql);
		await record(runner, m);
	}
	const dump = await pg.dumpDataDir('none');
	await pg.close();
	const file = join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteTemplate', file);
	return () => rmSync(dir, { recursive: true, force: true });
}
