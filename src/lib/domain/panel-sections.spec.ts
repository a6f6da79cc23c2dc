import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './panel-sections';
import { OPEN_STAGES, ROLES, STAGES, requirementsFor, type GuardCard, type Stage } from './stages';

const keys = sut.PANEL_SECTIONS.map((s) => s.key);
const officeOnly = sut.PANEL_SECTIONS.filter((s) => s.office).map((s) => s.key);
const adminOnly = sut.PANEL_SECTIONS.filter((s) => 'admin' in s && s.admin).map((s) => s.key);
const lead = (stage: Stage) => sut.panelTabs(stage, 'agent')[0];

describe('the card panel follows the stage', () => {
	it.each(['preinstalacion', 'cobertura_confirmada'] as const)('%s opens on the call script, with coverage and plan beside it', (stage) => {
		expect(lead(stage)).toEqual(['llamada', 'cobertura', 'plan']);
	});

	it('documentos pendientes opens on the documents', () => {
		expect(lead('documentos_pendientes')).toEqual(['documentos']);
	});

	it.each(['agendada', 'asignada'] as const)('%s leads with scheduling, connection and services', (stage) => {
		expect(sut.panelTabs(stage, 'coordinator').slice(0, 3)).toEqual([['agenda'], ['conexion'], ['servicios']]);
	});

	it.each(['firmada', 'activa'] as const)('%s leads with the documents, billing and history', (stage) => {
		expect(sut.panelTabs(stage, 'admin').slice(0, 3)).toEqual([['documentos'], ['agenda'], ['historial']]);
	});

	it('every stage of the registry has its row', () => {
		for (const stage of STAGES) expect(sut.PANEL_BY_STAGE[stage]?.length, stage).toBeGreaterThan(0);
	});

	it('every section is one click away: each visible section sits in exactly one tab, at every stage, for every role', () => {
		fc.assert(
			fc.property(fc.constantFrom(...STAGES), fc.constantFrom(...ROLES), (stage, role) => {
				const placed = sut.panelTabs(stage, role).flat();
				const expected = keys.filter(
					(k) => !(role === 'technician' && officeOnly.includes(k as never)) && !(role !== 'admin' && adminOnly.includes(k as never))
				);
				expect([...placed].sort()).toEqual([...expected].sort());
			})
		);
	});

	it('a technician never gets the office sections, and keeps the rest in the stage order', () => {
		expect(sut.panelTabs('preinstalacion', 'technician')[0]).toEqual(['plan']);
		expect(sut.panelTabs('asignada', 'technician').slice(0, 3)).toEqual([['agenda'], ['conexion'], ['servicios']]);
		for (const stage of STAGES) expect(sut.panelTabs(stage, 'technician').flat()).not.toContain('llamada');
	});

	it('the sections a stage does not lead with follow in the registry order', () => {
		const rest = sut.panelTabs('documentos_pendientes', 'agent').slice(2).flat();
		expect(rest).toEqual(keys.filter((k) => k !== 'documentos' && k !== 'cliente' && k !== 'arco'));
	});

	it('only an admin gets the personal-data (ARCO) section, last', () => {
		for (const stage of STAGES) {
			expect(sut.panelTabs(stage, 'admin').at(-1)).toEqual(['arco']);
			for (const role of ['coordinator', 'agent', 'technician'] as const) expect(sut.panelTabs(stage, role).flat()).not.toContain('arco');
		}
	});

	it('a section key is recognised; anything else is not', () => {
		expect(sut.isPanelSection('documentos')).toBe(true);
		expect(sut.isPanelSection('cobros')).toBe(false);
		expect(sut.isPanelSection(undefined)).toBe(false);
	});
});

describe('each missing item points to the section that fixes it', () => {
	const empty: GuardCard = { id: 'c', stage: 'preinstalacion', contractType: '12_meses' };

	it('every requirement of every stage, for an empty card, maps to a section the office sees', () => {
		const all = [...OPEN_STAGES, 'cancelada' as const].flatMap((stage) =>
			requirementsFor(empty, stage, { requiredEquipmentFields: ['cpeMac', 'onuSerial', 'routerModel', 'dni'] })
		);
		expect(all.length).toBeGreaterThan(20);
		for (const r of all) expect(sut.sectionFor(r.key), r.key).not.toBeNull();
	});

	it.each([
		['location', 'cobertura'],
		['zoneId', 'cobertura'],
		['planId', 'plan'],
		['customerAcceptedAt', 'plan'],
		['file:ine_frontal', 'documentos'],
		['sheetSignedAt', 'documentos'],
		['email', 'cliente'],
		['address:street', 'cliente'],
		['installationDate', 'agenda'],
		['billingComputed', 'agenda'],
		['ip', 'conexion'],
		['technicianId', 'conexion'],
		['equipment:cpeMac', 'conexion']
	])('%s → %s', (key, section) => {
		expect(sut.sectionFor(key)).toBe(section);
	});

	it('an unknown key has no section (the panel then shows it without a link)', () => {
		expect(sut.sectionFor('inventado')).toBeNull();
		expect(sut.sectionFor('file')).toBeNull();
	});
});
