import { describe, expect, it } from 'vitest';
import { SETTINGS_LABELS, SETTINGS_LABELS_EN } from './settings-labels';
import { auditDetailParts, auditDetailsText as sut, auditTarget } from './audit-kinds';
import { REPORTS } from './reports';

const SPANISH = /[áéíóúñ]|\b(de|del|la|las|los|el|en|por|con|sin|que|y)\b/i;

describe('audit details in the reader’s language', () => {
	it('names every setting in English too', () => {
		expect(Object.keys(SETTINGS_LABELS_EN).sort()).toEqual(Object.keys(SETTINGS_LABELS).sort());
		for (const en of Object.values(SETTINGS_LABELS_EN)) expect(en).not.toMatch(SPANISH);
	});

	it('translates the words services store (documents, how an invitation went, changed settings)', () => {
		const changed = { changed: `${SETTINGS_LABELS.installationCostCents}, ${SETTINGS_LABELS.cities}` };
		expect(sut(changed, 'en')).toBe('changed: installation cost, cities');
		expect(sut(changed, 'es')).toBe('cambió: costo de instalación, ciudades');
		expect(sut({ document: 'Hoja de instalación', expires: '2026-12-09' }, 'en')).toBe(
			'document: Installation sheet · expires: 2026-12-09'
		);
		expect(sut({ role: 'agent', via: 'correo' }, 'en')).toBe('role: agent · sent by: email');
		expect(sut({ changed: 'activación, token de verificación' }, 'en')).toBe('changed: enabled, verify token');
	});

	it('keeps people’s and customers’ own text as it is, marked as data', () => {
		const parts = auditDetailParts({ file: 'INE frontal.jpg', reason: 'Lo pidió el cliente', rows: 3 }, 'en');
		expect(parts).toEqual([
			{ label: 'file', value: 'INE frontal.jpg', data: true },
			{ label: 'reason', value: 'Lo pidió el cliente', data: true },
			{ label: 'rows', value: '3', data: false }
		]);
		expect(auditTarget('user_created', 'Verónica Castillo', 'en')).toEqual({ text: 'Verónica Castillo', data: true });
		expect(auditTarget('report_exported', REPORTS.cobros.es, 'en')).toEqual({ text: REPORTS.cobros.en, data: false });
	});
});
