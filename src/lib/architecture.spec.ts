import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of DESIGN.md ("Layers") as a test: the browser's code never reaches into the server, the
// server never depends on the browser's, the domain stays pure, and no two modules import each other.

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const LIB = join(SRC, 'lib');
const SOURCE = /\.(ts|js|svelte)$/;
const EXTENSIONS = ['', '.ts', '.js', '.svelte', '/index.ts', '/index.js'];

function walk(dir: string, out: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path, out);
		else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
	}
	return out;
}

/** Every module a file names: static and dynamic imports, re-exports, type-only imports too. */
export function specifiers(code: string): string[] {
	const found = new Set<string>();
	const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
	for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[1]);
	return [...found];
}

/** The file a specifier points at inside src/, or null for packages, builtins and SvelteKit's virtual modules. */
export function resolveImport(from: string, spec: string): string | null {
	let base: string;
	if (spec === '$lib' || spec.startsWith('$lib/')) base = join(LIB, spec.slice(5));
	else if (spec.startsWith('./') || spec.startsWith('../')) base = resolve(dirname(from), spec);
	else return null;
	for (const ext of EXTENSIONS) {
		const path = base + ext;
		if (existsSync(path) && statSync(path).isFile()) return path;
	}
	return null;
}

type Graph = Map<string, { file: string; spec: string }[]>;

function importGraph(): Graph {
	const graph: Graph = new Map();
	for (const file of walk(SRC)) {
		const edges = specifiers(readFileSync(file, 'utf8')).map((spec) => ({ spec, file: resolveImport(file, spec) ?? '' }));
		graph.set(
			file,
			edges.filter((e) => e.file || !e.spec.startsWith('.'))
		);
	}
	return graph;
}

/** One cycle per strongly connected component (Tarjan), each written "a → b → a". */
export function findCycles(graph: Map<string, string[]>): string[][] {
	let index = 0;
	const idx = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const components: string[][] = [];
	const visit = (v: string) => {
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!idx.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
		}
		if (low.get(v) === idx.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
		}
	};
	for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
	return components.map((component) => shortestLoop(graph, new Set(component)));
}

/** The shortest way from the component's first module (by name) back to itself. */
function shortestLoop(graph: Map<string, string[]>, component: Set<string>): string[] {
	const start = [...component].sort()[0];
	const previous = new Map<string, string>();
	const queue = [start];
	while (queue.length) {
		const v = queue.shift()!;
		for (const w of graph.get(v) ?? []) {
			if (!component.has(w)) continue;
			if (w === start) {
				const path = [v];
				while (path[0] !== start) path.unshift(previous.get(path[0])!);
				return [...path, start];
			}
			if (!previous.has(w)) {
				previous.set(w, v);
				queue.push(w);
			}
		}
	}
	return [start, start];
}

const rel = (file: string) => relative(ROOT, file);
const under = (file: string, dir: string) => rel(file).startsWith(dir + '/');

function offenders(graph: Graph, from: (file: string) => boolean, forbidden: (to: { file: string; spec: string }) => boolean): string[] {
	const out: string[] = [];
	for (const [file, edges] of graph) {
		if (!from(file)) continue;
		for (const e of edges) if (forbidden(e)) out.push(`${rel(file)} → ${e.file ? rel(e.file) : e.spec}`);
	}
	return out.sort();
}

const IO_MODULES = /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster)$/;
const IO_PACKAGES = /^(pg|postgres|@electric-sql\/pglite|drizzle-orm|socket\.io|socket\.io-client)(\/|$)/;

describe('the import graph', () => {
	const graph = importGraph();

	it('finds the files and resolves $lib and relative imports', () => {
		const board = join(LIB, 'realtime', 'board.svelte.ts');
		expect(graph.has(board)).toBe(true);
		expect(graph.get(board)!.map((e) => e.file)).toContain(join(LIB, 'realtime', 'board-connection.ts'));
		expect(resolveImport(board, '$lib/domain/stages')).toBe(join(LIB, 'domain', 'stages.ts'));
		expect(resolveImport(board, 'svelte')).toBeNull();
	});

	it('components, the board client and pages import nothing from the server', () => {
		const client = (f: string) =>
			(under(f, 'src/lib/components') || under(f, 'src/lib/realtime') || (under(f, 'src/routes') && f.endsWith('.svelte'))) &&
			!/\.(spec|test)\.ts$/.test(f);
		expect(offenders(graph, client, (e) => !!e.file && under(e.file, 'src/lib/server'))).toEqual([]);
	});

	it('the server imports nothing from the board client or the components', () => {
		const forbidden = (e: { file: string }) => !!e.file && (under(e.file, 'src/lib/realtime') || under(e.file, 'src/lib/components'));
		expect(offenders(graph, (f) => under(f, 'src/lib/server'), forbidden)).toEqual([]);
	});

	it('the domain does no I/O', () => {
		const io = (e: { file: string; spec: string }) =>
			(!!e.file && under(e.file, 'src/lib/server')) || IO_MODULES.test(e.spec) || IO_PACKAGES.test(e.spec);
		const domain = (f: string) => under(f, 'src/lib/domain') && !/\.(spec|test)\.ts$/.test(f);
		expect(offenders(graph, domain, io)).toEqual([]);
	});

	it('has no circular imports', () => {
		const plain = new Map([...graph].map(([file, edges]) => [file, edges.filter((e) => e.file).map((e) => e.file)]));
		expect(findCycles(plain).map((loop) => loop.map(rel).join(' → '))).toEqual([]);
	});
});

describe('findCycles', () => {
	it('reports each cycle once, from its first module back to it', () => {
		const graph = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a', 'd']],
			['d', []],
			['e', ['e']],
			['f', ['g']],
			['g', ['f', 'a']]
		]);
		expect(
			findCycles(graph)
				.map((l) => l.join(' → '))
				.sort()
		).toEqual(['a → b → c → a', 'e → e', 'f → g → f']);
	});

	it('finds none in a tree', () => {
		expect(
			findCycles(
				new Map([
					['a', ['b', 'c']],
					['b', ['c']],
					['c', []]
				])
			)
		).toEqual([]);
	});
});

describe('specifiers', () => {
	it('reads static, dynamic, side-effect, type-only and multi-line imports and re-exports', () => {
		const code = `import a from './a';\nimport type { B } from "$lib/b";\nimport {\n\tc,\n\td\n} from '../c';\nimport './d.css';\nexport * from './e';\nconst f = await import('./f');`;
		expect(specifiers(code).sort()).toEqual(['$lib/b', '../c', './a', './d.css', './e', './f']);
	});
});
