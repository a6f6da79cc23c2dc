// Every environment variable the server reads is listed in .env.example (docs/deploy.md), so a
// provider setting up production finds them all in one place.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** Variables only the tests and CI use. */
const TEST_ONLY = new Set(['E2E', 'E2E_PORT', 'E2E_RESET_DATA', 'LINT', 'TEST_DATABASE_URL', 'CI', 'DEBIAN_FRONTEND']);

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (name === 'paraglide' || name === 'node_modules') return [];
		if (statSync(p).isDirectory()) return sources(p);
		return /\.(ts|js|svelte)$/.test(name) && !/\.spec(-helpers)?\.ts$/.test(name) ? [p] : [];
	});
}

function variablesRead(files: string[]): Set<string> {
	const found = new Set<string>();
	const patterns = [
		/process\.env\.([A-Z][A-Z0-9_]+)/g,
		/\benv\.([A-Z][A-Z0-9_]+)/g,
		/\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g,
		/\benv: '([A-Z][A-Z0-9_]+)'/g
	];
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		for (const re of patterns) for (const m of text.matchAll(re)) if (!TEST_ONLY.has(m[1])) found.add(m[1]);
	}
	return found;
}

describe('.env.example', () => {
	const listed = new Set(
		readFileSync(join(ROOT, '.env.example'), 'utf8')
			.split('\n')
			.map((l) => /^([A-Z][A-Z0-9_]+)=/.exec(l)?.[1])
			.filter((v): v is string => !!v)
	);

	it('lists every variable the code reads', () => {
		const read = variablesRead(sources(join(ROOT, 'src')));
		expect(read.size).toBeGreaterThan(20);
		expect([...read].filter((v) => !listed.has(v)).sort()).toEqual([]);
	});

	it('lists nothing the code does not read', () => {
		const read = variablesRead(sources(join(ROOT, 'src')));
		expect([...listed].filter((v) => !read.has(v)).sort()).toEqual([]);
	});
});
