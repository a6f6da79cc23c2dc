import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const LIB = resolve(__dirname, '../..');

/** The project modules a file imports (relative and $lib specifiers; packages are left out). */
function importsOf(file: string): string[] {
	const out: string[] = [];
	for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
		const base = spec.startsWith('$lib/') ? join(LIB, spec.slice(5)) : spec.startsWith('.') ? resolve(dirname(file), spec) : null;
		if (!base) continue;
		const found = [base, `${base}.ts`, join(base, 'index.ts')].find((c) => c.endsWith('.ts') && existsSync(c));
		if (found) out.push(found);
	}
	return out;
}

describe('server realtime imports', () => {
	it('no module reachable from the socket layer imports itself back (fanout ↔ display, services ↔ read model)', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const stack: string[] = [];
		const visit = (file: string) => {
			state.set(file, 'open');
			stack.push(file);
			for (const next of importsOf(file)) {
				if (state.get(next) === 'open')
					cycles.push(
						stack
							.slice(stack.indexOf(next))
							.map((f) => relative(LIB, f))
							.join(' → ')
					);
				else if (!state.has(next)) visit(next);
			}
			stack.pop();
			state.set(file, 'done');
		};
		visit(join(LIB, 'server/realtime/index.ts'));
		expect(state.size).toBeGreaterThan(20);
		expect(cycles).toEqual([]);
	});
});
