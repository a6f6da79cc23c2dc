import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = join(process.cwd(), 'src/lib/server');
const read = (path: string) => readFileSync(join(SERVER, path), 'utf8');
const files = (dir: string): string[] =>
	readdirSync(join(SERVER, dir), { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|js|svelte)$/.test(e.name) && !/\.spec\.ts$/.test(e.name) ? [join(dir, e.name)] : []
	);

/**
 * The services moved onto db/ verb modules so far; the rest follow (issue 17, item 1), and then
 * this list becomes every file of services/.
 */
const SQL_FREE = [
	'services/assignment.ts',
	'services/billing.ts',
	'services/calendar.ts',
	'services/call-script.ts',
	'services/checklists.ts',
	'services/connection.ts',
	'services/contracts.ts',
	'services/coverage.ts',
	'services/displays.ts',
	'services/documents.ts',
	'services/exports.ts',
	'services/files.ts',
	'services/file-bytes.ts',
	'services/health.ts',
	...files('pdf'),
	...files('storage')
];

/** What SQL looks like in TypeScript: the drivers' calls, Drizzle, and statements in string literals. */
function sqlIn(source: string): string[] {
	const found: string[] = [];
	if (/from 'drizzle-orm/.test(source)) found.push('imports drizzle-orm');
	if (/db\/schema'/.test(source)) found.push('imports the Drizzle schema');
	if (/\bsql`/.test(source)) found.push('sql`…` template');
	if (/\b(?:db|tx|orm|exec|runner)\.(?:query|execute|exec)\s*[<(]/.test(source)) found.push('runs a statement (.query/.execute/.exec)');
	const literals = source.match(/(['"`])(?:\\.|(?!\1)[\s\S])*\1/g) ?? [];
	for (const text of literals) {
		if (/\b(select\s[\s\S]*\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s)/i.test(text)) found.push(text.slice(0, 60));
	}
	return found;
}

describe('repository layer', () => {
	it('recognises SQL in each form the services used to hold it', () => {
		expect(sqlIn("import { sql } from 'drizzle-orm';")).not.toEqual([]);
		expect(sqlIn('await db.query(`select 1 from zones where id = $1`, [id]);')).not.toEqual([]);
		expect(sqlIn("await tx.execute(sql`select set_config('app.actor_id', ${id}, true)`);")).not.toEqual([]);
		expect(sqlIn("const q = 'update display_tokens set revoked_at = now() where id = $1';")).not.toEqual([]);
		expect(sqlIn("throw notFound('Esa instalación no existe.');")).toEqual([]);
		expect(sqlIn('const claims = /\\.(pdf)$/i.exec(fileName);')).toEqual([]);
	});

	it.each(SQL_FREE)('%s holds no SQL (it calls db/ modules)', (path) => {
		expect(sqlIn(read(path))).toEqual([]);
	});

	it.each([...files('pdf'), ...files('storage')])('%s does not import from services/', (path) => {
		expect(read(path)).not.toMatch(/from '(\.\.\/)+services\/|from '\$lib\/server\/services\//);
	});

	it('contracts and documents do not import each other in a circle', () => {
		const imports = (path: string) => [...read(path).matchAll(/from '\.\/([\w-]+)'/g)].map((m) => m[1]);
		const contracts = imports('services/contracts.ts');
		const documents = imports('services/documents.ts');
		expect(contracts.includes('documents') && documents.includes('contracts')).toBe(false);
	});
});
