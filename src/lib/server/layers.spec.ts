import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = join(process.cwd(), 'src/lib/server');
const read = (path: string) => readFileSync(join(SERVER, path), 'utf8');
const files = (dir: string): string[] =>
	readdirSync(join(SERVER, dir), { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|js|svelte)$/.test(e.name) && !/\.spec\.ts$/.test(e.name) ? [join(dir, e.name)] : []
	);

// SQL outside db/ is caught by tests/integration/no-sql-outside-db.test.ts and import cycles by
// src/lib/architecture.spec.ts; this keeps the one rule they don't: PDFs and storage sit below services.
describe('server layers', () => {
	it.each([...files('pdf'), ...files('storage')])('%s does not import from services/', (path) => {
		expect(read(path)).not.toMatch(/from '(\.\.\/)+services\/|from '\$lib\/server\/services\//);
	});
});
