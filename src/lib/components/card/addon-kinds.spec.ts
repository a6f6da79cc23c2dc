// Adding an add-on kind is one registry row (plus its messages and a migration): a test-only table
// with a third kind, «cámaras», reaches the card's services form, the technician's job and the
// installation sheet without touching any of them.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import AddonList, { type AddonDraft, type AddonItem } from './AddonList.svelte';
import JobInfo from '$lib/components/technician/JobInfo.svelte';
import { ADDON_KIND_VIEWS, type AddonKindView } from '$lib/i18n/addons';
import type { AddonKind } from '$lib/domain/addon-kinds';
import type { JobDetail } from '$lib/schemas/technician';
import type { DocumentSource } from '$lib/server/db/documents';
import { buildDocData } from '$lib/server/services/doc-data';

const cameras: AddonKindView = {
	key: 'camaras',
	label: 'Cámaras',
	added: 'Cámaras agregadas',
	initial: () => ({}),
	askOnAdd: [],
	shows: ['router'],
	editable: ['onuSerial'],
	sheet: ['onuSerial'],
	technician: ['username', 'password', 'ip'],
	awaitsNumber: false,
	name: () => 'Cámaras'
};
const WITH_CAMERAS: readonly AddonKindView[] = [...ADDON_KIND_VIEWS, cameras];

const addon = (over: Partial<AddonItem>): AddonItem => ({
	id: 'a1',
	kind: 'camaras',
	planName: 'Videovigilancia 4 cámaras',
	pendingNumber: false,
	cutService: true,
	ip: '10.30.3.17',
	externalId: '2000123',
	username: '9981234567',
	password: '9981234567M',
	phoneNumber: null,
	sipServer: null,
	onuSerial: 'HIK-CAM-0042',
	tvType: null,
	router: 'RB1 NORTE',
	...over
});
const drafts = (a: AddonItem): Record<string, AddonDraft> => ({
	[a.id]: { values: { onuSerial: a.onuSerial ?? '', router: a.router ?? '' }, cutService: true }
});

/** The card fields the sheet reads, all empty here: only the add-ons matter. */
const UNSET = [
	'email',
	'phone',
	'phoneAlt',
	'addrSm',
	'addrMz',
	'addrLt',
	'addrExt',
	'addrInt',
	'addrBuilding',
	'addrStreet',
	'addrColonia',
	'addrCity',
	'lat',
	'lng',
	'zoneName',
	'serviceType',
	'planName',
	'planPriceCents',
	'contractType',
	'installationDate',
	'installationTime',
	'installationCostCents',
	'technicianId',
	'technicianName',
	'pppoeUser',
	'pppoePassword',
	'wifiPassword',
	'ip',
	'externalId',
	'rooftopAccess',
	'rooftopKey',
	'fiberCrossing',
	'fiberCrossingNote',
	'modemNearOutlet',
	'houseOwnership',
	'comments',
	'contractSignedAt',
	'sheetSignedAt'
];

describe('a third add-on kind from a test-only registry', () => {
	it('the services form shows it, edits its fields and offers to add one', () => {
		const a = addon({});
		const props = { addons: [a], cardId: 'c1', canEdit: true, drafts: drafts(a), onact: () => {} };
		const { body } = render(AddonList, { props: { ...props, kinds: WITH_CAMERAS } });
		expect(body).toContain('Cámaras · Videovigilancia 4 cámaras');
		expect(body).toMatch(/id="onuSerial-a1"[^>]*value="HIK-CAM-0042"|value="HIK-CAM-0042"[^>]*id="onuSerial-a1"/);
		expect(body).toContain('RB1 NORTE');
		expect(body).toMatch(/data-testid="add-addon-camaras"[^>]*>Agregar cámaras</);
		for (const k of ['telefonia', 'television']) expect(body).toContain(`data-testid="add-addon-${k}"`);

		// The same component on the real registry knows nothing of it.
		const plain = render(AddonList, { props: { ...props, addons: [] } }).body;
		expect(plain).not.toContain('add-addon-camaras');
		expect(plain).toContain('Agregar telefonía');
	});

	it("the technician's job shows it with the fields its row lists", () => {
		const job = {
			id: 'c1',
			folio: 7,
			stage: 'asignada',
			version: 1,
			fullName: 'Juan Cocom Chan',
			phone: '9981234567',
			phoneAlt: null,
			address: 'Calle Y 10, Cancún',
			addressParts: { sm: null, mz: null, lt: null, ext: null, int: null, building: null, street: null, colonia: null, city: null },
			lat: null,
			lng: null,
			zoneName: 'RB1 NORTE',
			serviceType: 'inalambrico',
			planName: 'Básico 60',
			installationDate: null,
			installationTime: null,
			pppoeUser: null,
			pppoePassword: null,
			wifiPassword: null,
			ip: null,
			externalId: null,
			addons: [
				{
					kind: 'camaras' as AddonKind,
					planName: 'Videovigilancia 4 cámaras',
					username: 'cam-user',
					password: 'cam-pass',
					phoneNumber: null,
					tvType: null,
					ip: '10.30.3.99',
					externalId: null,
					onuSerial: 'HIK-CAM-0042'
				}
			],
			special: {
				rooftopAccess: null,
				rooftopKey: null,
				fiberCrossing: null,
				fiberCrossingNote: null,
				modemNearOutlet: null,
				comments: null
			},
			fields: { dni: null, cpeMac: null, onuSerial: null, routerModel: null, signalNotes: null },
			completedAt: null,
			sheetSignedAt: null,
			photos: 0,
			arrivedAt: null,
			arrivedCoords: null,
			missing: []
		} satisfies JobDetail;
		const { body } = render(JobInfo, { props: { job, kinds: WITH_CAMERAS } });
		expect(body).toMatch(/data-testid="job-addon"[^>]*>Cámaras · Videovigilancia 4 cámaras</);
		for (const v of ['cam-user', 'cam-pass', '10.30.3.99']) expect(body).toContain(v);
		// Not in its technician list.
		expect(body).not.toContain('HIK-CAM-0042');
	});

	it('the installation sheet lists it with the fields its row puts there', () => {
		const src: DocumentSource = {
			...(Object.fromEntries(UNSET.map((k) => [k, null])) as Omit<
				DocumentSource,
				'id' | 'orgId' | 'folio' | 'orgName' | 'orgSettings' | 'fullName' | 'addons' | 'promotionFreeInstallation'
			>),
			promotionFreeInstallation: false,
			id: 'c1',
			orgId: 'o1',
			fullName: 'Juan Cocom Chan',
			orgName: 'Red Sur',
			orgSettings: {},
			folio: 7,
			addons: [
				{
					kind: 'camaras',
					planName: 'Videovigilancia 4 cámaras',
					ip: '10.30.3.99',
					username: null,
					password: null,
					externalId: null,
					phoneNumber: null,
					sipServer: null,
					onuSerial: 'HIK-CAM-0042',
					tvType: null,
					router: null
				}
			]
		};
		const sheet = buildDocData(src, 'hoja_instalacion', { today: '2026-11-21', kinds: WITH_CAMERAS });
		const addons = sheet.sections.find((s) => s.title === 'Servicios adicionales')!.fields;
		expect(addons).toEqual([
			['Cámaras', 'Videovigilancia 4 cámaras · HIK-CAM-0042'],
			['Cámaras · IP', '10.30.3.99', 'office']
		]);
	});
});
