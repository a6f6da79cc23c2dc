import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(import.meta.dirname, '..', '..');

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) walk(full, keep, out);
		else if (keep(full)) out.push(full);
	}
	return out;
}

/** Client code that must reach the server through $lib/api: components, pages, the realtime client. */
function clientFiles(): string[] {
	const code = (p: string) => /\.(svelte|ts|js)$/.test(p) && !/\.(spec|test)\.ts$/.test(p);
	return [
		...walk(join(SRC, 'lib', 'components'), code),
		...walk(join(SRC, 'lib', 'realtime'), code),
		...walk(join(SRC, 'routes'), (p) => p.endsWith('.svelte'))
	];
}

describe('$lib/api is the only way client code calls an endpoint', () => {
	it('finds the client files it guards', () => {
		const files = clientFiles().map((f) => relative(SRC, f));
		expect(files).toContain(join('lib', 'components', 'card', 'CardPanel.svelte'));
		expect(files.some((f) => f.startsWith(join('lib', 'realtime')))).toBe(true);
		expect(files.some((f) => f.startsWith('routes'))).toBe(true);
	});

	it('no component, page or realtime module calls fetch( or XMLHttpRequest itself', () => {
		const offenders = clientFiles()
			.filter((f) => /(^|[^\w.])fetch\s*\(|XMLHttpRequest/.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
			.map((f) => relative(SRC, f));
		expect(offenders, 'use a function of $lib/api instead').toEqual([]);
	});
});
