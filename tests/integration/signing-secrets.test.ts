import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeInstallation, tempStorage } from './support/documents';
import { hasBuild, startServer, type RunningServer } from './support/server';
import type { Database } from '$lib/server/db/client';
import { openDatabase } from '$lib/server/db/client';
import { migrate } from '$lib/server/db/migrate';
import { createLink, openLink, signByLink } from '$lib/server/services/signing';
import { contentToSign } from '$lib/server/services/documents';
import { generatePdf } from '$lib/server/services/contracts';
import { downloadFile } from '$lib/server/services/files';
import { getPdfEngine } from '$lib/server/pdf/engine';
import { findChromium } from '$lib/server/pdf/chromium';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const meta = { ip: '203.0.113.9', userAgent: 'Prueba/1.0' };
const text = async (bytes: Uint8Array) =>
	(await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, ' ');

// What only the office keeps, and what the customer needs: every value distinctive enough that
// finding it anywhere means it leaked.
const OFFICE_ONLY = {
	pppoe_user: 'pppoe-cliente-7731',
	pppoe_password: 'SecretoPPPoE-4412',
	ip: '10.30.3.77',
	external_id: 'EXT-SECRETO-9'
};
const ADDON_IP = '10.40.0.55';
const WIFI = 'WifiCliente-2026';
const officeValues = [...Object.values(OFFICE_ONLY), ADDON_IP];

async function cardWithSecrets(db: Database, orgId: string, technicianId: string) {
	const id = await makeInstallation(db, orgId, {
		stage: 'asignada',
		contract_type: '12_meses',
		technician_id: technicianId,
		installation_date: '2026-12-10',
		wifi_password: WIFI,
		...OFFICE_ONLY
	});
	await db.query(
		`insert into addon_services (org_id, installation_id, kind, username, ip) values ($1, $2, 'telefonia', '9981234567', $3)`,
		[orgId, id, ADDON_IP]
	);
	return id;
}

describe.skipIf(!findChromium()).each(drivers)('what the signing link shows on %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	const store = tempStorage();
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
	});
	afterAll(async () => {
		await getPdfEngine().close();
		await t.cleanup();
		store.cleanup();
	});

	it('the customer reads their Wi-Fi password but no network credentials; the office PDF keeps them all', async () => {
		const cardId = await cardWithSecrets(t.db, org.org.id, org.technician.id);
		const link = await createLink(t.db, org.agent, cardId, { kind: 'hoja_instalacion' });
		const opened = await openLink(t.db, link.token);
		if (opened.state !== 'ok') throw new Error(opened.state);
		expect(opened.html).toContain(WIFI);
		expect(opened.html).toContain('Tomás Técnico');
		for (const secret of officeValues) expect(JSON.stringify(opened)).not.toContain(secret);
		expect(opened.html).not.toMatch(/PPPoE|ID externo|External ID|>IP</);

		// The office's in-person copy still shows everything, and its hash is another one.
		const office = await contentToSign(t.db, org.coordinator, cardId, 'hoja_instalacion');
		for (const value of [...officeValues, WIFI]) expect(office.html).toContain(value);
		expect(office.sha).not.toBe(opened.sha);

		// The customer's hash covers what they read: the office changing the PPPoE password meanwhile doesn't stop them.
		await t.db.query(`update installations set pppoe_password = 'SecretoNuevo-9090' where id = $1`, [cardId]);
		await signByLink(t.db, link.token, { signerName: 'José Peña', consent: 'on', signature: PNG, contentSha256: opened.sha }, meta);
		const [sig] = await t.db.query<{ sha: string }>(`select content_sha256 as sha from signatures where installation_id = $1`, [cardId]);
		expect(sig.sha).toBe(opened.sha);

		const { fileId } = await generatePdf(t.db, org.coordinator, cardId, { kind: 'hoja_instalacion' }, store.storage);
		const pdf = await text((await downloadFile(t.db, org.coordinator, fileId, false, store.storage)).bytes);
		for (const value of [
			OFFICE_ONLY.pppoe_user,
			'SecretoNuevo-9090',
			OFFICE_ONLY.ip,
			OFFICE_ONLY.external_id,
			ADDON_IP,
			WIFI,
			'Firmado electrónicamente por José Peña'
		])
			expect(pdf).toContain(value);
	});
});

describe.skipIf(!hasBuild())('the public signing page (built server)', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'tablero-signing-secrets-'));
	let server: RunningServer;
	let token: string;

	beforeAll(async () => {
		const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
		await migrate(db);
		const org = await makeOrg(db);
		const cardId = await cardWithSecrets(db, org.org.id, org.technician.id);
		token = (await createLink(db, org.agent, cardId, { kind: 'hoja_instalacion' })).token;
		await db.close();
		server = await startServer({ DATA_DIR: dataDir });
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('carries no office-only value in the HTML nor in its data (__data.json)', async () => {
		for (const path of [`/firmar/${token}`, `/firmar/${token}/__data.json`]) {
			const res = await fetch(`${server.url}${path}`);
			expect(res.status).toBe(200);
			const body = await res.text();
			expect(body).toContain(WIFI);
			for (const secret of officeValues) expect(body, `${secret} en ${path}`).not.toContain(secret);
		}
	});
});
