import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { parseCoordinates } from '$lib/domain/coordinates';
import { parseMxPhone } from '$lib/domain/phones';
import { parseCidr } from '$lib/domain/ip-pools';
import { parseCoverageGeoJson } from '$lib/domain/geo';
import { parsePesos } from '$lib/domain/money';
import { normalizeName } from '$lib/domain/names';
import { parseDate } from '$lib/domain/dates';

// Every shared zod schema, found by walking the folder, so a new schema is fuzzed without
// anyone remembering to add it here.
const modules = import.meta.glob('./*.ts', { eager: true }) as Record<string, Record<string, unknown>>;
const schemas = Object.entries(modules)
	.filter(([path]) => !path.endsWith('.spec.ts'))
	.flatMap(([path, mod]) =>
		Object.entries(mod)
			.filter(([, v]) => v instanceof z.ZodType)
			.map(([name, schema]) => [`${path.slice(2)}#${name}`, schema as z.ZodType] as const)
	);

const hostile = fc.oneof(
	fc.anything(),
	fc.string({ maxLength: 400 }),
	fc.constantFrom(
		'<script>alert(1)</script>',
		"'; drop table users; --",
		'\u0000',
		'𝕏'.repeat(50),
		'a'.repeat(100_000),
		'__proto__',
		'NaN'
	),
	fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'email', 'id', 'cardId', 'toStage', 'version', 'name'), fc.anything())
);

const spanish = /[a-záéíóúñ]/i;
// zod's own English defaults must never reach a user.
const english = /\b(Invalid|Expected|Required|received|Too (big|small)|must be)\b/;

describe('hostile input against every shared schema', () => {
	it('finds the schemas', () => {
		expect(schemas.length).toBeGreaterThan(8);
	});

	it.each(schemas)('%s never throws and explains refusals in words', (_name, schema) => {
		fc.assert(
			fc.property(hostile, (input) => {
				const r = schema.safeParse(input);
				if (!r.success) {
					expect(r.error.issues.length).toBeGreaterThan(0);
					for (const issue of r.error.issues) {
						expect(issue.message).toMatch(spanish);
						expect(issue.message).not.toMatch(english);
					}
				}
			}),
			{ numRuns: 150 }
		);
	});
});

describe('domain parsers never throw on arbitrary text', () => {
	const parsers: [string, (s: string) => unknown][] = [
		['parseCoordinates', parseCoordinates],
		['parseMxPhone', parseMxPhone],
		['parseCidr', parseCidr],
		['parseCoverageGeoJson', parseCoverageGeoJson],
		['parsePesos', parsePesos],
		['normalizeName', normalizeName],
		['parseDate', parseDate]
	];
	it.each(parsers)('%s', (_name, parse) => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ maxLength: 300 }),
					fc.json(),
					fc.constantFrom('{"type":"Polygon","coordinates":[[[1e309,0]]]}', '999.999.999.999/99')
				),
				(s) => {
					expect(() => parse(s)).not.toThrow();
				}
			),
			{ numRuns: 300 }
		);
	});
});
