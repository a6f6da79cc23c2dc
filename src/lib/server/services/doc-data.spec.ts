import { describe, expect, it } from 'vitest';
import { buildDocData, customerView } from './doc-data';
import { documentContent, documentFragment } from '../pdf/render';
import type { DocumentSource } from '../db/documents';
import type { ContractTemplate } from './contract-templates';

const sut = buildDocData;

function source(extra: Partial<DocumentSource> = {}): DocumentSource {
	return {
		id: 'c1',
		orgId: 'o1',
		folio: 43,
		orgName: 'Red Caribe',
		orgSettings: {},
		fullName: 'María López',
		email: 'maria@example.com',
		phone: '9981234567',
		phoneAlt: null,
		addrSm: '12',
		addrMz: '3',
		addrLt: '4',
		addrExt: null,
		addrInt: null,
		addrBuilding: null,
		addrStreet: 'Calle Palmas',
		addrColonia: null,
		addrCity: 'Cancún',
		lat: null,
		lng: null,
		zoneName: 'RB3 ZONA SUR DÍA 28',
		serviceType: 'fibra',
		planName: 'Intermedio 120',
		planPriceCents: 45_000,
		contractType: '12_meses',
		installationDate: '2026-12-04',
		installationTime: '10:00',
		installationCostCents: null,
		technicianId: null,
		technicianName: null,
		pppoeUser: '9981234567',
		pppoePassword: '9981234567M',
		wifiPassword: 'lopez2024MB',
		ip: '10.0.0.9',
		externalId: 'EXT-1',
		rooftopAccess: null,
		rooftopKey: null,
		fiberCrossing: null,
		fiberCrossingNote: null,
		modemNearOutlet: null,
		houseOwnership: null,
		comments: null,
		contractSignedAt: null,
		sheetSignedAt: null,
		addons: [],
		...extra
	} as DocumentSource;
}

const template: ContractTemplate = {
	contractType: '12_meses',
	title: 'Contrato {{folio}}',
	penaltyCents: 100_000,
	clauses: [
		{
			title: 'Partes',
			text: '{{proveedor.nombre}} y {{cliente.nombre}}, plan {{plan.nombre}} por {{plan.precio}}; adicionales: {{servicios}}.'
		},
		{ title: 'Firma', text: 'Firmado el {{fecha}}.' }
	]
};

describe('the installation sheet', () => {
	it('in Spanish has every label in Spanish («ID externo»), dates in full and blank lines for the installer', () => {
		const doc = sut(source(), 'hoja_instalacion', { today: '2026-12-04' });
		const labels = doc.sections.flatMap((s) => [s.title, ...s.fields.map(([label]) => label)]);
		expect(labels).toContain('ID externo');
		expect(labels).not.toContain('External ID');
		expect(doc.sections.find((s) => s.title === 'Visita')!.fields).toContainEqual(['Fecha de instalación', '4 de diciembre de 2026']);
		const fill = doc.sections.at(-1)!;
		expect(fill).toMatchObject({ title: 'Para llenar en la instalación', fill: true });
		expect(fill.fields.map(([label, value]) => [label, value])).toEqual([
			['DNI', ''],
			['Serie del router', ''],
			['Serie de la ONU', ''],
			['Serie de la antena', ''],
			['Señal (dBm)', ''],
			['CCQ (%)', ''],
			['Metros de cable', ''],
			['Firma del instalador', '']
		]);
	});

	it('in English comes from the same messages', () => {
		const doc = sut(source(), 'hoja_instalacion', { today: '2026-12-04', locale: 'en' });
		const html = documentContent(doc);
		for (const text of ['Installation sheet', 'External ID', 'Installer’s signature', 'December 4, 2026', 'Folio 43'])
			expect(html).toContain(text);
		expect(html).not.toContain('Hoja de instalación');
	});

	it('the customer’s copy leaves out the installer’s blank lines and the office’s data', () => {
		const doc = customerView(sut(source(), 'hoja_instalacion', { today: '2026-12-04' }));
		expect(doc.sections.map((s) => s.title)).not.toContain('Para llenar en la instalación');
		expect(JSON.stringify(doc)).not.toContain('EXT-1');
	});

	it('prints the signature inside the last section’s block, so both share a page', () => {
		const doc = sut(source(), 'hoja_instalacion', { today: '2026-12-04' });
		const { body } = documentFragment(doc, null, 'America/Cancun');
		expect(body).toMatch(/<div class="doc-end">.*Para llenar en la instalación.*Firma del cliente.*<\/div>/s);
	});
});

describe('the contract', () => {
	it('fills its clauses from the card and numbers them', () => {
		const doc = sut(
			source({ addons: [{ kind: 'telefonia', planName: 'Renta telefónica 300 minutos' } as DocumentSource['addons'][number]] }),
			'contrato',
			{
				template,
				today: '2026-12-04'
			}
		);
		expect(doc.title).toBe('Contrato 43');
		expect(doc.clauses).toEqual([
			{
				title: 'Partes',
				text: 'Red Caribe y María López, plan Intermedio 120 por $450.00; adicionales: Telefonía (Renta telefónica 300 minutos).'
			},
			{ title: 'Firma', text: 'Firmado el 4 de diciembre de 2026.' }
		]);
		const html = documentContent(doc);
		expect(html).toContain('1. Partes');
		expect(html).toContain('2. Firma');
	});

	it('escapes the card’s data and the template’s own text: neither can inject markup', () => {
		const hostile = '<img src=x onerror=alert(1)>';
		const doc = sut(source({ fullName: `Ana ${hostile}` }), 'contrato', {
			template: { ...template, clauses: [{ title: `<b>Partes</b>`, text: `<script>alert(2)</script> {{cliente.nombre}}` }] },
			today: '2026-12-04'
		});
		const html = documentContent(doc);
		expect(html).not.toMatch(/<img|<script|<b>/);
		expect(html).toContain('&lt;img src=x onerror=alert(1)>');
		expect(html).toContain('&lt;script>alert(2)&lt;/script>');
		expect(html).toContain('&lt;b>Partes&lt;/b>');
	});

	it('a contract signed before clauses existed still renders its text', () => {
		const html = documentContent({
			kind: 'contrato',
			title: 'Viejo',
			provider: 'Red',
			folio: 1,
			customer: 'Ana',
			body: 'En 4 dic 2026, …',
			sections: []
		});
		expect(html).toContain('En 4 dic 2026, …');
	});
});
