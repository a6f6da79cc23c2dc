/**
 * What tests/integration/hostile-input.test.ts walks: every endpoint method, form action and page
 * load found in src/routes, the field names each one may read (from the zod schemas and the
 * modules the route imports), and the hostile values sent in them. Nothing here lists routes:
 * a new route is walked the day it exists; only route parameters need a filler below.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CARD_FIELD_KEYS } from '$lib/schemas/card';
import type { Ids as MatrixIds } from './permissions';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');
export const ROUTES = join(SRC, 'routes');

export interface Target {
	kind: 'endpoint' | 'action' | 'page';
	/** Route id as SvelteKit names it, e.g. /api/instalaciones/[id]/campo. */
	route: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	action?: string;
	file: string;
}

export async function discoverTargets(): Promise<Target[]> {
	const found: Target[] = [];
	const walk = async (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) {
				await walk(full);
				continue;
			}
			const rel = relative(ROUTES, dir).split(sep).join('/');
			const route = rel ? `/${rel}` : '/';
			if (name === '+page.server.ts') {
				const mod = await import(/* @vite-ignore */ full);
				if (mod.load) found.push({ kind: 'page', route, method: 'GET', file: full });
				for (const action of Object.keys(mod.actions ?? {})) found.push({ kind: 'action', route, method: 'POST', action, file: full });
			}
			if (name === '+server.ts') {
				const mod = await import(/* @vite-ignore */ full);
				for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const)
					if (m in mod) found.push({ kind: 'endpoint', route, method: m, file: full });
			}
		}
	};
	await walk(ROUTES);
	return found;
}

/** The permissions matrix's ids, and the provider's slug (the public form's address). */
export interface Ids extends MatrixIds {
	orgSlug: string;
}

/**
 * Real values for route parameters, by the route that declares them (longest prefix wins). A
 * parameter without a filler fails the walk: add one here, so the new route is reached for real.
 */
export const PARAM_FILLERS: Record<string, (ids: Ids) => string> = {
	'/api/instalaciones/[id]': (i) => i.card,
	'/api/instalaciones/[id]/pagos/[pagoId]': (i) => i.payment,
	'/api/reportes/[slug]': () => 'embudo',
	'/(app)/reportes/descargar/[key]': () => 'embudo',
	'/(app)/instalaciones/[id]': (i) => i.card,
	'/(app)/tecnico/[id]': (i) => i.techCard,
	'/(app)/ajustes/zonas/[id]': (i) => i.zone,
	'/archivos/[fileId]': (i) => i.file,
	'/firmar/[token]': (i) => i.signing,
	'/pantalla/[token]': (i) => i.display,
	// Well-formed tokens no link has: the pages answer «not valid», the forms refuse.
	'/invitacion/[token]': () => 'A'.repeat(43),
	'/recuperar/[token]': () => 'A'.repeat(43)
};

/** Parameters that are not real ids: each must answer 4xx, never 5xx. */
export const HOSTILE_PARAMS = [
	'00000000-0000-4000-8000-000000000000',
	'a%00b',
	'%ED%A0%80',
	'%uD800',
	'%',
	'__proto__',
	'constructor',
	'..%2F..%2Fetc%2Fpasswd',
	'-1',
	'9'.repeat(400),
	'x'.repeat(4000)
];

/** Fills every [param] of a route id; throws (loudly) when one has no filler. */
export function fillRoute(route: string, ids: Ids, hostile?: string): string {
	const path = route.replace(/\/\([^)]+\)/g, '') || '/';
	const params = [...route.matchAll(/\[([^\]]+)\]/g)];
	if (!params.length) return path;
	let out = path;
	for (const [whole] of params) {
		const owner = Object.keys(PARAM_FILLERS)
			.filter((p) => route.startsWith(p) && p.endsWith(whole))
			.sort((a, b) => b.length - a.length)[0];
		if (!owner)
			throw new Error(
				`La ruta ${route} tiene el parámetro ${whole} sin valor de prueba: agrégalo a PARAM_FILLERS en tests/integration/support/hostile.ts.`
			);
		out = out.replace(whole, hostile ?? PARAM_FILLERS[owner](ids));
	}
	return out;
}

// ─────────────────────────── field names: schemas and the route's own modules ───────────────────────────

export type Hint = { type: 'string' | 'uuid' | 'date' | 'bool' | 'number' | 'array' | 'object' } | { type: 'enum'; options: string[] };

type ZodLike = { _zod?: { def: Record<string, unknown> } };

function hintOf(schema: ZodLike, depth = 0): Hint {
	const def = schema?._zod?.def as { type?: string; [k: string]: unknown } | undefined;
	if (!def || depth > 8) return { type: 'string' };
	switch (def.type) {
		case 'string': {
			const checks = (def.checks as ZodLike[] | undefined) ?? [];
			const formats = checks.map((c) => (c?._zod?.def as { format?: string })?.format);
			if (formats.includes('uuid') || (def as { format?: string }).format === 'uuid') return { type: 'uuid' };
			if (formats.includes('date') || (def as { format?: string }).format === 'date') return { type: 'date' };
			return { type: 'string' };
		}
		case 'boolean':
			return { type: 'bool' };
		case 'number':
		case 'int':
		case 'bigint':
			return { type: 'number' };
		case 'enum':
			return { type: 'enum', options: Object.values(def.entries as Record<string, string>).map(String) };
		case 'literal':
			return { type: 'enum', options: (def.values as unknown[]).map(String) };
		case 'array':
			return { type: 'array' };
		case 'object':
			return { type: 'object' };
		case 'pipe':
			return hintOf(def.in as ZodLike, depth + 1);
		case 'optional':
		case 'nullable':
		case 'default':
		case 'prefault':
		case 'catch':
		case 'readonly':
		case 'nonoptional':
			return hintOf(def.innerType as ZodLike, depth + 1);
		case 'union': {
			const first = (def.options as ZodLike[])[0];
			return first ? hintOf(first, depth + 1) : { type: 'string' };
		}
		default:
			return { type: 'string' };
	}
}

function collectKeys(schema: ZodLike, into: Map<string, Hint>, depth = 0) {
	const def = schema?._zod?.def as { type?: string; [k: string]: unknown } | undefined;
	if (!def || depth > 8) return;
	if (def.type === 'object') {
		for (const [k, v] of Object.entries(def.shape as Record<string, ZodLike>)) {
			if (!into.has(k)) into.set(k, hintOf(v));
			collectKeys(v, into, depth + 1);
		}
	}
	for (const inner of ['in', 'out', 'innerType', 'element', 'left', 'right', 'schema'])
		if (def[inner]) collectKeys(def[inner] as ZodLike, into, depth + 1);
	if (Array.isArray(def.options)) for (const o of def.options) collectKeys(o as ZodLike, into, depth + 1);
}

/** Every key of every zod object exported from src/lib/schemas, with a hint of its type. */
export async function schemaKeys(): Promise<Map<string, Hint>> {
	const keys = new Map<string, Hint>();
	const dir = join(SRC, 'lib', 'schemas');
	for (const name of readdirSync(dir)
		.filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'))
		.sort()) {
		const mod = await import(/* @vite-ignore */ join(dir, name));
		for (const value of Object.values(mod)) if (value && typeof value === 'object' && '_zod' in value) collectKeys(value as ZodLike, keys);
	}
	return keys;
}

/** Keys of schemas written inside a module (`name: z.…`), for services that keep their own. */
function localKeys(source: string): Map<string, Hint> {
	const keys = new Map<string, Hint>();
	for (const m of source.matchAll(/(?:^|[{,\s])([A-Za-z_]\w*)\s*:\s*(z\.[\w.]+|\w*[Ss]chema\b|civilDateSchema|checkboxSchema)/g)) {
		const [, key, expr] = m;
		const type = /uuid/i.test(expr)
			? 'uuid'
			: /date/i.test(expr)
				? 'date'
				: /boolean|checkbox/.test(expr)
					? 'bool'
					: /number|int/.test(expr)
						? 'number'
						: /array/.test(expr)
							? 'array'
							: 'string';
		keys.set(key, { type } as Hint);
	}
	return keys;
}

function resolveImport(from: string, spec: string): string | null {
	const base = spec.startsWith('$lib/') ? join(SRC, 'lib', spec.slice(5)) : spec.startsWith('.') ? join(dirname(from), spec) : null;
	if (!base) return null;
	for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	return null;
}

/** The route file and the project modules it imports (one hop): where its field names are read. */
export function routeSources(file: string): string[] {
	const seen = new Set([file]);
	const text = readFileSync(file, 'utf8');
	for (const m of text.matchAll(/from\s+'([^']+)'/g)) {
		const dep = resolveImport(file, m[1]);
		if (dep && !/\/db\/|\/server\/db$|http\/endpoint|forms\.ts|validation\.ts/.test(dep)) seen.add(dep);
	}
	return [...seen];
}

export const GENERIC_KEYS = ['action', 'id', 'field', 'value', 'kind', 'tipo', 'note', 'name', '__proto__', 'constructor', 'prototype'];

/** The keys a route may read, with hints: schema keys and local keys that its sources mention. */
export function keysFor(target: Target, universe: Map<string, Hint>): Map<string, Hint> {
	const sources = routeSources(target.file).map((f) => readFileSync(f, 'utf8'));
	const words = new Set(sources.flatMap((s) => s.match(/[A-Za-z_]\w*/g) ?? []));
	const keys = new Map<string, Hint>();
	for (const s of sources) for (const [k, h] of localKeys(s)) keys.set(k, h);
	for (const [k, h] of universe) if (words.has(k) && !keys.has(k)) keys.set(k, h);
	if (words.has('fieldEditSchema') || words.has('updateCardField')) keys.set('field', { type: 'enum', options: CARD_FIELD_KEYS });
	for (const k of GENERIC_KEYS) if (!keys.has(k)) keys.set(k, { type: 'string' });
	return keys;
}

/** Discriminators a route switches on ({ action: 'guardar' }, handlers of dispatch): its short lowercase string literals. */
export function actionNames(target: Target): string[] {
	const text = readFileSync(target.file, 'utf8');
	const names = new Set<string>();
	for (const m of text.matchAll(/(?:action\s*===\s*'([a-z_-]+)')|(?:^\s*'?([a-z][a-z_-]*)'?\s*:\s*(?:async\s*)?\()/gm))
		names.add(m[1] ?? m[2]);
	return [...names].filter((n) => n !== 'default');
}

/** Query parameters a route reads by name. */
export function queryNames(target: Target): string[] {
	const text = routeSources(target.file)
		.map((f) => readFileSync(f, 'utf8'))
		.join('\n');
	return [...new Set([...text.matchAll(/searchParams\.(?:get|has)\('([^']+)'\)/g)].map((m) => m[1]))];
}

// ─────────────────────────── values ───────────────────────────

export const LONG = 'x'.repeat(100_000);
const nested = (depth: number, wrap: (v: unknown) => unknown) => {
	let v: unknown = 'fondo';
	for (let i = 0; i < depth; i++) v = wrap(v);
	return v;
};
export const DEEP_ARRAY = nested(2000, (v) => [v]);
export const DEEP_OBJECT = nested(2000, (v) => ({ a: v }));

/** An object whose own key is `key`, even for __proto__ (a literal would set the prototype). */
export function own(key: string, value: unknown): Record<string, unknown> {
	return Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Strings every field gets, in JSON and in forms. */
export const HOSTILE_STRINGS = [
	'a\u0000b',
	'x\ud800y',
	'x\udc00',
	'\ud83d',
	'campana\u0007',
	'__proto__',
	'constructor',
	LONG,
	'2025-02-30',
	'2025-13-01',
	'0000-00-00',
	'9999-99-99T99:99',
	'NaN',
	'-1',
	'1e400',
	'99999999999999999999999',
	"' or 1=1 --",
	'{"a":'.repeat(1000)
];

/** Values of the wrong type and shape, JSON only. */
export const HOSTILE_JSON: unknown[] = [
	...HOSTILE_STRINGS,
	0,
	-1,
	1e308,
	Number.MAX_SAFE_INTEGER + 2,
	true,
	null,
	[],
	['a\u0000b'],
	{},
	own('__proto__', { polluted: true }),
	DEEP_ARRAY,
	DEEP_OBJECT
];

/** The smaller set tried key by key on top of an otherwise plausible body. */
export const PER_KEY_JSON: unknown[] = ['a\u0000b', 'x\ud800y', '2025-02-30', 1e308, { a: 1 }, LONG, null, DEEP_OBJECT, -1];
// A form can't carry a lone surrogate: URL encoding turns it into U+FFFD.
export const PER_KEY_FORM = ['a\u0000b', '2025-02-30', '1e400', LONG, '-1', '__proto__'];
/** How many of those each key gets, in turn, so every value meets many keys and the walk stays short. */
export const PER_KEY_TRIES = 3;

/** A value that passes a field's type check, so the other fields are the ones being tested. */
export function plausible(key: string, hint: Hint, ids: Ids): unknown {
	if (hint.type === 'enum') return hint.options.find((o) => o !== '') ?? '';
	if (hint.type === 'uuid') return /zon/i.test(key) ? ids.zone : /file|archivo/i.test(key) ? ids.file : ids.card;
	if (hint.type === 'date' || /fecha|date|desde|hasta|day|dia/i.test(key)) return '2026-12-10';
	if (hint.type === 'bool') return true;
	if (hint.type === 'number') return 1;
	if (hint.type === 'array') return [];
	if (hint.type === 'object') return {};
	if (/email|correo/i.test(key)) return 'prueba@ejemplo.mx';
	if (/phone|telefono/i.test(key)) return '9981234567';
	return 'Prueba';
}

export const asFormValue = (v: unknown): string =>
	typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'on' : '') : (JSON.stringify(v) ?? '');
