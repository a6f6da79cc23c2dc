import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_FIELD_KEYS } from '$lib/schemas/card';
import { CALL_STEP_KEYS } from '$lib/schemas/call-script';
import { CATEGORY_NAMES } from '$lib/schemas/files';
import { ADDON_KINDS } from './addon-kinds';
import { MESSAGE_TEMPLATES } from './message-templates';
import { historyField, HISTORY_FIELDS, HISTORY_SOURCES } from './history-fields';
import { formatHistoryValue, idsIn } from './history-format';

const SERVER = join(import.meta.dirname, '..', 'server');
const files = (dir: string): string[] =>
	readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const sources = files(SERVER)
	.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
	.map((f) => readFileSync(f, 'utf8'));

/**
 * Every (kind, field) a service writes to card_history. Literal fields are read from the code
 * (`kind: 'x', … field: 'y'`, the scheduling's `track('y', …)`); computed ones come from the list
 * they are computed from (a file's category, a document kind, an add-on kind, a call step, the
 * connection's columns).
 */
function writtenFields(): [string, string][] {
	const out: [string, string][] = [];
	for (const src of sources) {
		if (!/insertCardHistory|addHistory|insert into card_history|history\.push/.test(src)) continue;
		for (const m of src.matchAll(/kind:\s*'(\w+)'(?: as const)?,[^}]{0,160}?field:\s*'([^']+)'/g)) out.push([m[1], m[2]]);
		for (const m of src.matchAll(/track\('([^']+)'/g)) out.push(['field', m[1]]);
	}
	const credentials = /interface CredentialsRow \{([^}]*)\}/.exec(sources.join('\n'))![1];
	for (const m of credentials.matchAll(/(\w+):/g)) out.push(['field', m[1]]);
	for (const k of CARD_FIELD_KEYS) out.push(['field', k]);
	for (const k of Object.keys(CATEGORY_NAMES)) out.push(['file', k]);
	for (const k of ['contrato', 'hoja_instalacion']) out.push(['signature', k]);
	for (const a of ADDON_KINDS) out.push(['service', a.key]);
	for (const s of CALL_STEP_KEYS) out.push(['checklist', `guion:${s}`]);
	for (const t of MESSAGE_TEMPLATES) out.push(['message', t.key]);
	return out;
}

describe('history fields registry', () => {
	it('has a label and a format for every field written to history', () => {
		const written = writtenFields();
		// The scan must see the writers, or it would pass by reading nothing.
		expect(written).toEqual(
			expect.arrayContaining([
				['field', 'coverage'],
				['field', 'technician_id'],
				['service', 'producto'],
				['document', 'contrato']
			])
		);
		const missing = written.filter(([kind, field]) => !historyField(kind, field)).map(([k, f]) => `${k}:${f}`);
		expect(missing).toEqual([]);
	});

	it('labels every field in both languages with words, never a key', () => {
		for (const [key, entry] of Object.entries(HISTORY_FIELDS)) {
			for (const label of [entry.es, entry.en]) {
				expect(label, key).not.toMatch(/^[a-z]+([A-Z_][a-z]+)+$/);
				expect(label, key).not.toMatch(/_/);
			}
		}
		for (const s of Object.values(HISTORY_SOURCES)) expect(s.es && s.en).toBeTruthy();
	});

	it('formats money, dates, yes/no, coordinates and names instead of ids', () => {
		const plan = '1c9c6434-0d4f-4c5e-9a49-5b2f2c1d7e10';
		const zone = '2a1b6434-0d4f-4c5e-9a49-5b2f2c1d7e10';
		const es = { lang: 'es' as const, names: { [plan]: 'Alto rendimiento 300', [zone]: 'RB3 ZONA SUR DÍA 28' } };
		const en = { ...es, lang: 'en' as const };
		expect(formatHistoryValue('field', 'installationCost', '1500.00', es)).toBe('$1,500.00');
		expect(formatHistoryValue('field', 'installationDate', '2026-12-04', es)).toBe('4 de diciembre de 2026');
		expect(formatHistoryValue('field', 'installationDate', '2026-12-04', en)).toBe('December 4, 2026');
		expect(formatHistoryValue('field', 'rooftopAccess', true, es)).toBe('Sí');
		expect(formatHistoryValue('field', 'customerAccepted', false, en)).toBe('No');
		expect(formatHistoryValue('field', 'planId', plan, es)).toBe('Alto rendimiento 300');
		expect(formatHistoryValue('field', 'planId', '', es)).toBeNull();
		expect(formatHistoryValue('field', 'addonPlanIds', [plan], es)).toBe('Alto rendimiento 300');
		expect(formatHistoryValue('field', 'contractType', '12_meses', es)).toBe('12 meses');
		expect(formatHistoryValue('field', 'phone', '9981234567', es)).toBe('998 123 4567');
		expect(formatHistoryValue('stage', null, 'documentos_pendientes', es)).toBe('Documentos pendientes');
		expect(formatHistoryValue('stage', null, 'activa', en)).toBe('Active');
		const coverage = { zoneId: zone, serviceType: 'inalambrico', lat: 21.1619, lng: -86.8515 };
		expect(formatHistoryValue('field', 'coverage', coverage, es)).toBe('RB3 ZONA SUR DÍA 28 · Inalámbrico · 21.16190, -86.85150');
		expect(formatHistoryValue('field', 'coverage', { zoneId: null, serviceType: null, lat: null, lng: null }, es)).toBeNull();
		expect(formatHistoryValue('file', 'ine_frontal', { id: plan, name: 'INE frontal', mime: 'image/webp', size: 204_800 }, es)).toBe(
			'INE frontal (200 KB)'
		);
		expect(formatHistoryValue('signature', 'contrato', { signer: 'Ana Pérez', method: 'link', sha256: 'ab' }, es)).toBe(
			'firmó Ana Pérez (por enlace)'
		);
		expect(formatHistoryValue('document', 'contrato', { startDate: '2026-12-01', endDate: '2027-11-30' }, es)).toBe(
			'del 1 de diciembre de 2026 al 30 de noviembre de 2027'
		);
		expect(formatHistoryValue('field', 'technician_id', plan, { lang: 'es', names: {} })).toBe('(ya no existe)');
		expect(idsIn('field', 'coverage', coverage)).toEqual([zone]);
		expect(idsIn('field', 'addonPlanIds', [plan, 'x'])).toEqual([plan]);
	});
});
