import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCatalog } from './support/card-fixtures';
import { pngBytes, tempStorage, PDF_BYTES } from './support/documents';
import type { SessionUser } from '$lib/server/auth';
import { createLead } from '$lib/server/services/leads';
import { confirmCoverage } from '$lib/server/services/coverage';
import { updateCardField } from '$lib/server/services/card-edit';
import { tickScriptStep } from '$lib/server/services/call-script';
import { moveCard } from '$lib/server/services/moves';
import { uploadFile } from '$lib/server/services/files';
import { saveContractData, contentToSign } from '$lib/server/services/documents';
import { updateScheduling } from '$lib/server/services/calendar';
import { saveConnection } from '$lib/server/services/connection';
import { allocateIp } from '$lib/server/services/ip-allocation';
import { addAddon } from '$lib/server/services/addons';
import { signInPerson, createLink, openLink, signByLink } from '$lib/server/services/signing';
import { completeJob, saveJobFields } from '$lib/server/services/technician';
import { cardHistory } from '$lib/server/services/history';
import { getCard } from '$lib/server/db/cards';
import { addDays, todayIn } from '$lib/domain/dates';
import HistorySection from '$lib/components/card/HistorySection.svelte';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const INSIDE = 'https://www.google.com/maps/@21.16,-86.826,17z';
const meta = { ip: '203.0.113.9', userAgent: 'Prueba/1.0' };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const SNAKE = /\b[a-z0-9]+_[a-z0-9_]+\b/;
const JSONISH = /[{}[\]"]|\bnull\b|\btrue\b|\bfalse\b/;

/** The text a person reads in the rendered section (tags, attributes and the filter form left out). */
function visibleHistory(html: string): string {
	const list = html.slice(html.indexOf('<ol'));
	return list
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<span class="sr-only[^"]*">[^<]*<\/span>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/\s+/g, ' ');
}

describe.each(drivers)('a readable history on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	let cat: Awaited<ReturnType<typeof makeCatalog>>;
	let id: string;
	const store = tempStorage();

	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		cat = await makeCatalog(t.db, o.org.id);
		await t.db.query(`insert into zone_ip_pools (org_id, zone_id, cidr, reserved) values ($1, $2, '10.80.0.0/29', '{10.80.0.1}')`, [
			o.org.id,
			cat.zoneId
		]);
		await t.db
			.query(`insert into zone_technicians (org_id, zone_id, user_id) values ($1, $2, $3)`, [o.org.id, cat.zoneId, o.technician.id])
			.catch(() => undefined);
	});
	afterAll(async () => {
		await t.cleanup();
		store.cleanup();
	});

	const move = async (actor: SessionUser, toStage: string) => {
		const card = (await getCard(t.db, o.org.id, id))!;
		const res = await moveCard(t.db, actor, { cardId: id, toStage, version: card.version });
		if (!res.ok) throw new Error(`${toStage}: ${JSON.stringify(res)}`);
	};
	const field = (actor: SessionUser, name: string, value: unknown) => updateCardField(t.db, actor, id, { field: name, value });

	it('takes a card from lead to «activa» and its history reads with no UUID, no internal key and no JSON', async () => {
		({ id } = await createLead(t.db, o.agent, {
			fullName: 'maría fernanda  cocom pech',
			phone: '998 765 4321',
			email: '',
			source: 'ventas'
		}));
		await tickScriptStep(t.db, o.agent, id, { step: 'saludo', done: true });
		await confirmCoverage(t.db, o.agent, id, { coordinates: INSIDE, zoneId: cat.zoneId, serviceType: 'fibra' });
		await move(o.agent, 'cobertura_confirmada');

		await field(o.agent, 'planId', cat.alto);
		await field(o.agent, 'addonPlanIds', [cat.tv]);
		await field(o.agent, 'contractType', '12_meses');
		await field(o.agent, 'customerAccepted', true);
		await field(o.agent, 'accepted12m', true);
		await field(o.agent, 'installationCost', '1,500');
		await field(o.agent, 'rooftopAccess', true);
		await field(o.agent, 'houseOwnership', 'rentada');
		await move(o.agent, 'documentos_pendientes');

		await field(o.agent, 'email', 'maria.cocom@correo.mx');
		await field(o.agent, 'phoneAlt', '9981112222');
		for (const [k, v] of Object.entries({
			addrSm: '12',
			addrMz: '3',
			addrLt: '4',
			addrExt: '10',
			addrStreet: 'Calle Caoba',
			addrColonia: 'Fracc. Jardines',
			addrCity: 'Cancún'
		}))
			await field(o.agent, k, v);
		for (const category of ['ine_frontal', 'ine_atras', 'comprobante_domicilio', 'confirmacion_12_meses'])
			await uploadFile(t.db, o.agent, { installationId: id, category, fileName: 'foto.png', bytes: await pngBytes() }, store.storage);
		await uploadFile(
			t.db,
			o.agent,
			{ installationId: id, category: 'ine_frontal', fileName: 'nueva.pdf', bytes: PDF_BYTES },
			store.storage
		);
		await saveContractData(t.db, o.agent, id, { startDate: '2026-12-10', endDate: '2027-12-09' });
		const date = addDays(todayIn('America/Cancun'), 3);
		await updateScheduling(t.db, o.coordinator, { installationId: id, installationDate: date, installationTime: '10:00' });
		await move(o.coordinator, 'agendada');

		await updateScheduling(t.db, o.coordinator, { installationId: id, technicianId: o.technician.id });
		await saveConnection(t.db, o.coordinator, {
			installationId: id,
			pppoeUser: '9987654321',
			pppoePassword: '9987654321M',
			planId: cat.alto
		});
		await allocateIp(t.db, o.coordinator, { installationId: id });
		await addAddon(t.db, o.coordinator, { installationId: id, kind: 'television', planId: cat.tv, tvType: 'IPTV' });
		await move(o.coordinator, 'asignada');

		const sheet = await contentToSign(t.db, o.coordinator, id, 'hoja_instalacion');
		await signInPerson(
			t.db,
			o.coordinator,
			id,
			{ kind: 'hoja_instalacion', signerName: 'María Cocom', consent: 'on', signature: PNG, contentSha256: sheet.sha },
			meta
		);
		const link = await createLink(t.db, o.agent, id, { kind: 'contrato' });
		const opened = await openLink(t.db, link.token);
		if (opened.state !== 'ok') throw new Error(opened.state);
		await signByLink(t.db, link.token, { signerName: 'María Cocom', consent: 'on', signature: PNG, contentSha256: opened.sha }, meta);
		await move(o.coordinator, 'firmada');

		await saveJobFields(t.db, o.technician, id, {
			cpeMac: 'AA:BB:CC:DD:EE:FF',
			onuSerial: 'ZTEG12345678',
			routerModel: 'TP-Link C6',
			signalNotes: '-18 dBm'
		});
		const done = await completeJob(t.db, o.technician, id);
		expect(done.ok).toBe(true);
		expect((await getCard(t.db, o.org.id, id))!.stage).toBe('activa');

		// Every field the journey wrote has a registry entry (the spec checks the code; this, the data).
		const history = await cardHistory(t.db, o.coordinator, id);
		const html = render(HistorySection, { props: { cardId: id, initial: history } }).body;
		const text = visibleHistory(html);
		expect(text).toContain('Plan: Alto 300 Mbps');
		expect(text).toContain('Costo de instalación: $1,200.00 → $1,500.00');
		expect(text).toContain(
			`Fecha de instalación: ${new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))}`
		);
		expect(text).toContain('Cobertura: RB1 ZONA CENTRO DÍA 5 · Fibra · 21.16000, -86.82600');
		expect(text).toContain('Técnico: Tomás Técnico');
		expect(text).toContain('Acceso a la azotea: No → Sí');
		expect(text).toContain('Etapa: Firmada → Activa');
		expect(text).toContain('El cliente Firma desde el enlace de firma Firma: Contrato: firmó María Cocom (por enlace)');
		expect(text).toContain('INE frontal: versión anterior →');
		expect(text).toContain('Servicios adicionales elegidos: Paquete hasta 60 canales');
		expect(text).toContain('Datos del contrato: del 10 de diciembre de 2026 al 9 de diciembre de 2027');
		for (const [name, re] of [
			['UUID', UUID],
			['camelCase key', CAMEL],
			['snake_case key', SNAKE],
			['JSON', JSONISH]
		] as const) {
			expect(re.exec(text)?.[0] ?? null, `${name} in: ${text}`).toBeNull();
		}

		// One entry per action: coverage (zone, type, coordinates) is one change; a move is one entry.
		const created = history.at(-1)!;
		expect(created.changes.map((c) => c.label)).toEqual(['Etapa', 'Alta de la tarjeta']);
		const scheduling = history.find((h) => h.changes.some((c) => c.label === 'Hora de instalación'))!;
		expect(scheduling.changes.map((c) => c.label)).toEqual(['Fecha de instalación', 'Hora de instalación']);
	});

	it('reads in English for an English reader', async () => {
		const en = await cardHistory(t.db, { ...o.coordinator, locale: 'en' }, id);
		const text = visibleHistory(render(HistorySection, { props: { cardId: id, initial: en } }).body);
		expect(text).toContain('Plan: Alto 300 Mbps');
		expect(text).toContain('Coverage: RB1 ZONA CENTRO DÍA 5 · Fiber · 21.16000, -86.82600');
		expect(text).toContain('Stage: Signed → Active');
		expect(text).toMatch(/Installation cost: (MX)?\$1,200\.00 → (MX)?\$1,500\.00/);
	});
});
