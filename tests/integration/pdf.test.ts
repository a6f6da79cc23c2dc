import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeInstallation, tempStorage } from './support/documents';
import { contentToSign, prepareDocument } from '$lib/server/services/documents';
import { documentHtml } from '$lib/server/pdf/render';
import { signInPerson } from '$lib/server/services/signing';
import { generatePdf } from '$lib/server/services/contracts';
import { downloadFile, listFiles } from '$lib/server/services/files';
import { getPdfEngine } from '$lib/server/pdf/engine';
import { findChromium } from '$lib/server/pdf/chromium';
import { formatDateLong, todayIn } from '$lib/domain/dates';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const meta = { ip: '198.51.100.7', userAgent: 'Prueba/1.0' };
const text = async (bytes: Uint8Array) =>
	(await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, ' ');

describe.skipIf(!findChromium()).each(drivers)('PDFs on %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	const store = tempStorage();
	const hits: string[] = [];
	const server = http.createServer((req, res) => {
		hits.push(req.url ?? '');
		res.end('x');
	});
	let port = 0;
	let cards = 0;

	beforeAll(async () => {
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
		port = (server.address() as { port: number }).port;
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
	});
	afterAll(async () => {
		await getPdfEngine().close();
		server.close();
		await t.cleanup();
		store.cleanup();
	});

	async function fullCard(fullName: string) {
		const n = ++cards;
		const [zone] = await t.db.query<{ id: string }>(
			`insert into zones (org_id, name, payment_day) values ($1, 'RB3 ZONA SUR DÍA 28', 28) on conflict (org_id, name) do update set payment_day = 28 returning id`,
			[org.org.id]
		);
		const [plan] = await t.db.query<{ id: string }>(
			`insert into plans (org_id, kind, name, speed_mbps, price_cents) values ($1, 'internet', 'Intermedio 120', 120, 45000) returning id`,
			[org.org.id]
		);
		const id = await makeInstallation(t.db, org.org.id, {
			full_name: fullName,
			phone: '9981234567',
			phone_alt: '9987654321',
			email: 'cliente@correo.mx',
			addr_sm: '12',
			addr_mz: '3',
			addr_lt: '4',
			addr_ext: '10',
			addr_street: 'Calle Ébano',
			addr_colonia: 'Fracc Las Palmas',
			addr_city: 'Cancún',
			lat: 21.161908,
			lng: -86.851528,
			zone_id: zone.id,
			house_ownership: 'propia',
			service_type: 'fibra',
			plan_id: plan.id,
			contract_type: '12_meses',
			installation_date: '2026-11-25',
			installation_time: '10:00',
			technician_id: org.technician.id,
			pppoe_user: `998123456${n}`,
			pppoe_password: '9981234567M',
			wifi_password: 'peña2024MB',
			ip: `10.30.3.${16 + n}`,
			external_id: 'EXT-0042',
			rooftop_access: true,
			rooftop_key: 'con el conserje',
			fiber_crossing: false,
			modem_near_outlet: true,
			comments: 'Perro bravo en la entrada'
		});
		await t.db.query(`insert into addon_services (org_id, installation_id, kind, username) values ($1, $2, 'telefonia', '9981234567')`, [
			org.org.id,
			id
		]);
		return id;
	}

	async function signAndPdf(cardId: string) {
		const c = await contentToSign(t.db, org.coordinator, cardId, 'hoja_instalacion');
		await signInPerson(
			t.db,
			org.coordinator,
			cardId,
			{ kind: 'hoja_instalacion', signerName: 'Íñigo Muñoz', consent: 'on', signature: PNG, contentSha256: c.sha },
			meta
		);
		const { fileId } = await generatePdf(t.db, org.coordinator, cardId, { kind: 'hoja_instalacion' }, store.storage);
		const file = await downloadFile(t.db, org.coordinator, fileId, false, store.storage);
		return { file, sha: c.sha };
	}

	it('prints every installation-sheet field, accents included, and the signature evidence', async () => {
		const cardId = await fullCard('José Ñúñez Peña');
		const { file, sha } = await signAndPdf(cardId);
		expect(file.mime).toBe('application/pdf');
		const s = await text(file.bytes);
		for (const expected of [
			'José Ñúñez Peña',
			'998',
			'cliente@correo.mx',
			'SM 12',
			'MZ 3',
			'LT 4',
			'Ébano',
			'Las Palmas',
			'Cancún',
			'21.161908, -86.851528',
			'RB3 ZONA SUR DÍA 28',
			'Fibra óptica',
			'Intermedio 120',
			'12 meses',
			'9981234567M',
			'peña2024MB',
			'10.30.3.17',
			'EXT-0042',
			'Telefonía',
			'Tomás Técnico',
			'25 de noviembre de 2026',
			'10:00',
			'con el conserje',
			'Perro bravo en la entrada',
			'Íñigo Muñoz',
			'Firmado electrónicamente por Íñigo Muñoz',
			'IP 198.51.100.7',
			sha.slice(0, 16)
		])
			expect(s).toContain(expected);
		const files = await listFiles(t.db, org.coordinator, cardId);
		expect(files.map((f) => f.category)).toContain('hoja_instalacion_pdf');
	});

	/** Each page's body text: the evidence footer repeats the signer's name on every page, so it is left out. */
	const pageTexts = async (bytes: Uint8Array) =>
		((await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false })).text as string[]).map((p) =>
			p
				.replace(/\s+/g, ' ')
				.replace(/Firmado electrónicamente por .*?SHA-256 del documento [0-9a-f]{64}/g, '')
				.replace(/Página \d+ de \d+/g, '')
		);
	const signaturePageMatches = (pages: string[]) => {
		const signature = pages.findIndex((p) => p.includes('Íñigo Muñoz'));
		return { signature, lastSection: pages.findIndex((p) => p.includes('Para llenar en la instalación')) };
	};

	it('keeps the signature on the page of the last section, whatever the number of add-ons', async () => {
		const cardId = await fullCard('Rosa Canul Pech');
		const signature = {
			signerName: 'Íñigo Muñoz',
			imagePng: PNG,
			signedAt: new Date().toISOString(),
			ip: null,
			userAgent: null,
			contentSha256: 'a'.repeat(64),
			method: 'en_persona'
		};
		// Each add-on pushes the sheet's end a line further down: one of these counts puts the page break
		// right after the last section, where the signature used to fall alone on the next page.
		for (let n = 1; n <= 34; n++) {
			await t.db.query(
				`insert into addon_services (org_id, installation_id, kind, username, tv_type) values ($1, $2, 'television', $3, 'IPTV')`,
				[org.org.id, cardId, `99812345${String(n).padStart(2, '0')}`]
			);
			const p = await prepareDocument(t.db, org.org.id, cardId, 'hoja_instalacion');
			const { html, footer } = documentHtml(p.doc, signature, 'America/Cancun');
			const pages = await pageTexts(await getPdfEngine().render(html, { footer: footer ?? undefined }));
			const at = signaturePageMatches(pages);
			expect(at.signature, `${n} add-ons`).toBeGreaterThanOrEqual(0);
			expect(at.signature, `${n} add-ons`).toBe(at.lastSection);
		}
	});

	it('the signed sheet PDF has blank lines for the installer, the signature with them, and no English label', async () => {
		const cardId = await fullCard('Rosa Canul Pech');
		for (let i = 0; i < 24; i++)
			await t.db.query(
				`insert into addon_services (org_id, installation_id, kind, username, tv_type) values ($1, $2, 'television', $3, 'IPTV')`,
				[org.org.id, cardId, `99812345${String(i).padStart(2, '0')}`]
			);
		const { file } = await signAndPdf(cardId);
		const pages = await pageTexts(file.bytes);
		expect(pages.length).toBeGreaterThan(1);
		const at = signaturePageMatches(pages);
		expect(at.signature).toBeGreaterThanOrEqual(0);
		expect(at.signature).toBe(at.lastSection);
		const all = pages.join(' ');
		for (const blank of [
			'DNI',
			'Serie del router',
			'Serie de la ONU',
			'Serie de la antena',
			'Señal (dBm)',
			'CCQ (%)',
			'Metros de cable',
			'Firma del instalador'
		])
			expect(all).toContain(blank);
		expect(all).toContain('ID externo');
		expect(all).not.toContain('External ID');
	});

	it('writes the contract as its clauses with the card’s values and dates in full', async () => {
		const cardId = await fullCard('Luis Ek Balam');
		const c = await contentToSign(t.db, org.coordinator, cardId, 'contrato');
		await signInPerson(
			t.db,
			org.coordinator,
			cardId,
			{ kind: 'contrato', signerName: 'Luis Ek Balam', consent: 'on', signature: PNG, contentSha256: c.sha },
			meta
		);
		const { fileId } = await generatePdf(t.db, org.coordinator, cardId, { kind: 'contrato' }, store.storage);
		const file = await downloadFile(t.db, org.coordinator, fileId, false, store.storage);
		const s = await text(file.bytes);
		for (const expected of [
			'Contrato de prestación del servicio de internet (plazo forzoso de 12 meses)',
			'1. Partes',
			'5. Depósito en garantía y su devolución',
			'9. Datos personales y aviso de privacidad',
			'10. Firma',
			'celebran ' + org.org.name,
			'y Luis Ek Balam',
			'con el plan Intermedio 120',
			'Telefonía',
			'$450.00 al mes',
			'$500.00 como depósito en garantía',
			'Plazo del contrato: 12 meses, a partir del 25 de noviembre de 2026 y hasta 25 de noviembre de 2027',
			'Penalización por cancelar antes de terminar el plazo: $1,000.00',
			'LFPDPPP',
			`lo firman el ${formatDateLong(todayIn('America/Cancun'))}.`
		])
			expect(s).toContain(expected);
		expect(s).not.toContain('{{');
	});

	it('regenerating needs confirmation and keeps the earlier PDF', async () => {
		const cardId = await fullCard('Andrés Güemez');
		await signAndPdf(cardId);
		await expect(generatePdf(t.db, org.coordinator, cardId, { kind: 'hoja_instalacion' }, store.storage)).rejects.toMatchObject({
			status: 409
		});
		await generatePdf(t.db, org.coordinator, cardId, { kind: 'hoja_instalacion', confirm: true }, store.storage);
		const pdfs = (await listFiles(t.db, org.coordinator, cardId)).filter((f) => f.category === 'hoja_instalacion_pdf');
		expect(pdfs).toHaveLength(2);
		expect(pdfs.filter((f) => f.supersededAt)).toHaveLength(1);
		const docs = await t.db.query<{ n: number }>(
			`select count(*)::int as n from documents where installation_id = $1 and superseded_at is not null`,
			[cardId]
		);
		expect(docs[0].n).toBe(1);
	});

	it('three simultaneous generations store one PDF and answer the others 409; confirmed ones take turns', async () => {
		const cardId = await fullCard('Inés Cauich Canché');
		const c = await contentToSign(t.db, org.coordinator, cardId, 'hoja_instalacion');
		await signInPerson(
			t.db,
			org.coordinator,
			cardId,
			{ kind: 'hoja_instalacion', signerName: 'Inés Cauich', consent: 'on', signature: PNG, contentSha256: c.sha },
			meta
		);
		// Storing a file's bytes is the last step of its transaction; slowed down, the three
		// transactions surely overlap instead of committing one after the other by luck.
		const slow: typeof store.storage = {
			...store.storage,
			move: async (from, to) => {
				await new Promise((r) => setTimeout(r, 800));
				await store.storage.move(from, to);
			}
		};
		const generate = (confirm: boolean) =>
			generatePdf(t.db, org.coordinator, cardId, { kind: 'hoja_instalacion', ...(confirm ? { confirm: true } : {}) }, slow);
		const state = async () => ({
			files: await t.db.query<{ id: string; storageKey: string; supersededBy: string | null }>(
				`select id, storage_key as "storageKey", superseded_by as "supersededBy" from files
				 where installation_id = $1 and category = 'hoja_instalacion_pdf' order by created_at`,
				[cardId]
			),
			docs: await t.db.query<{ id: string; fileId: string | null; current: boolean; version: number }>(
				`select id, file_id as "fileId", superseded_at is null as current, version from documents
				 where installation_id = $1 and kind = 'hoja_instalacion' order by version`,
				[cardId]
			),
			signedDocs: (
				await t.db.query<{ documentId: string }>('select document_id as "documentId" from signatures where installation_id = $1', [cardId])
			).map((r) => r.documentId),
			// What storage holds for this card, plus any temp file left behind by a refused request.
			onDisk: store.files().filter((f) => f.includes(cardId) || f.includes('/files/tmp/'))
		});

		const first = await Promise.allSettled([generate(false), generate(false), generate(false)]);
		const refused = first
			.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
			.map((r) => r.reason as { status: number; message: string });
		expect(first.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(refused).toEqual([
			expect.objectContaining({ status: 409, message: expect.stringMatching(/^Ya existe un PDF de la hoja de instalación\. Confirma/) }),
			expect.objectContaining({ status: 409, message: expect.stringMatching(/^Ya existe un PDF de la hoja de instalación\. Confirma/) })
		]);
		let s = await state();
		expect(s.files).toHaveLength(1);
		expect(s.docs).toEqual([{ id: s.docs[0].id, fileId: s.files[0].id, current: true, version: 1 }]);
		expect(s.onDisk.map((f) => f.slice(f.indexOf(org.org.id)))).toEqual([s.files[0].storageKey]);

		const again = await Promise.allSettled([generate(true), generate(true), generate(true)]);
		expect(again.map((r) => (r.status === 'fulfilled' ? r.value.replaced : r.reason))).toEqual([true, true, true]);
		s = await state();
		// Four PDFs, each superseded by the next; four document versions, each holding its own PDF.
		expect(s.files).toHaveLength(4);
		expect(s.docs.map((d) => [d.version, d.current])).toEqual([
			[1, false],
			[2, false],
			[3, false],
			[4, true]
		]);
		const fileOf = (d: { fileId: string | null }) => s.files.find((f) => f.id === d.fileId);
		expect(s.docs.map((d) => fileOf(d)?.supersededBy)).toEqual([...s.docs.slice(1).map((d) => d.fileId), null]);
		expect(s.signedDocs).toEqual([s.docs[3].id]);
		expect(s.onDisk.map((f) => f.slice(f.indexOf(org.org.id))).sort()).toEqual(s.files.map((f) => f.storageKey).sort());
	});

	it('renders hostile names as text and makes no network request', async () => {
		const hostile = `Eve <img src=http://127.0.0.1:${port}/x> <script>fetch('http://127.0.0.1:${port}/s')</script>`;
		const cardId = await fullCard(hostile);
		const { file } = await signAndPdf(cardId);
		const s = await text(file.bytes);
		expect(s).toContain(`<img src=http://127.0.0.1:${port}/x>`);
		expect(s).toContain('<script>');
		await new Promise((r) => setTimeout(r, 300));
		expect(hits).toEqual([]);
	});

	it('survives Chromium being killed: the next PDF succeeds', async () => {
		const engine = getPdfEngine();
		await engine.render('<p>calentar</p>');
		const pid = engine.status().pid!;
		expect(pid).toBeGreaterThan(0);
		process.kill(pid, 'SIGKILL');
		await new Promise((r) => setTimeout(r, 200));
		const pdf = await engine.render('<p style="font-family:\'DejaVu Sans\'">Después del fallo, señor</p>');
		expect(await text(pdf)).toContain('Después del fallo, señor');
		expect(engine.status().pid).not.toBe(pid);
	});

	it('killed in the middle of a burst: queued renders settle (retried or refused), none hang, and the next succeeds', async () => {
		const engine = getPdfEngine();
		await engine.render('<p>calentar</p>');
		const pid = engine.status().pid!;
		const burst = Array.from({ length: 8 }, (_, i) => engine.render(`<p style="font-family:'DejaVu Sans'">Documento ${i}</p>`));
		setTimeout(() => process.kill(pid, 'SIGKILL'), 30);
		const settled = await Promise.race([Promise.allSettled(burst), new Promise<'colgado'>((r) => setTimeout(() => r('colgado'), 25_000))]);
		expect(settled).not.toBe('colgado');
		const after = await engine.render('<p style="font-family:\'DejaVu Sans\'">Siguiente después del fallo</p>');
		expect(await text(after)).toContain('Siguiente después del fallo');
		expect(engine.status().busy).toBe(0);
	});
});
