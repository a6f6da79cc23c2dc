import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeInstallation, tempStorage } from './support/documents';
import { createLink, openLink, revokeLinks, signByLink, signInPerson } from '$lib/server/services/signing';
import { generatePdf } from '$lib/server/services/contracts';
import { saveTemplate } from '$lib/server/services/contract-templates';
import { contentToSign, documentsState, saveContractData } from '$lib/server/services/documents';
import { missingForNext } from '$lib/domain/stages';
import { getCard } from '$lib/server/db/cards';
import { readSettings } from '$lib/schemas/settings';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const meta = { ip: '203.0.113.9', userAgent: 'Prueba/1.0' };

describe.each(drivers)('signing on %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let cardId: string;
	const store = tempStorage();

	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		cardId = await makeInstallation(t.db, org.org.id, { contract_type: '12_meses', stage: 'asignada' });
	});
	afterAll(async () => {
		await t.cleanup();
		store.cleanup();
	});

	const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

	it('refuses the PDF before signing, writing nothing', async () => {
		const before = [await count('files'), await count('documents')];
		await expect(generatePdf(t.db, org.coordinator, cardId, { kind: 'contrato' }, store.storage)).rejects.toMatchObject({
			status: 422,
			message: expect.stringMatching(/primero hay que firmar el contrato/)
		});
		expect([await count('files'), await count('documents')]).toEqual(before);
	});

	it('stores only the hash of a ≥256-bit token; a new link revokes the previous one', async () => {
		const first = await createLink(t.db, org.agent, cardId, { kind: 'contrato' });
		expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const rows = await t.db.query<{ tokenHash: string }>('select token_hash as "tokenHash" from signing_links');
		expect(rows.every((r) => r.tokenHash.length === 64 && r.tokenHash !== first.token)).toBe(true);
		const second = await createLink(t.db, org.agent, cardId, { kind: 'contrato' });
		expect((await openLink(t.db, first.token)).state).toBe('revoked');
		expect((await openLink(t.db, second.token)).state).toBe('ok');
		await revokeLinks(t.db, org.agent, cardId, { kind: 'contrato' });
		const revoked = await openLink(t.db, second.token);
		expect(revoked).toMatchObject({ state: 'revoked', message: expect.stringMatching(/fue revocado/) });
		expect((await openLink(t.db, 'x'.repeat(43))).state).toBe('invalid');
	});

	it('says when a link expired', async () => {
		const link = await createLink(t.db, org.agent, cardId, { kind: 'contrato' });
		await t.db.query(`update signing_links set expires_at = now() - interval '1 minute' where used_at is null and revoked_at is null`);
		const res = await openLink(t.db, link.token);
		expect(res).toMatchObject({ state: 'expired', message: expect.stringMatching(/venció/) });
		await expect(signByLink(t.db, link.token, {}, meta)).rejects.toMatchObject({ status: 400 });
	});

	it('escapes placeholders: values are text, never HTML', async () => {
		await saveTemplate(t.db, org.admin, {
			contractType: '12_meses',
			title: 'Contrato <b>12</b>',
			penalty: '0',
			clauses: JSON.stringify([
				{
					title: 'Partes <i>',
					text: 'Entre {{proveedor.nombre}} y {{cliente.nombre}}, plan {{plan.nombre}}, del {{contrato.inicio}} al {{contrato.fin}}. <img src=x>'
				}
			])
		});
		await t.db.query(`update installations set full_name = 'Ana <script>alert(1)</script> Núñez' where id = $1`, [cardId]);
		await saveContractData(t.db, org.agent, cardId, { startDate: '2026-12-01', endDate: '2027-11-30' });
		const c = await contentToSign(t.db, org.agent, cardId, 'contrato');
		expect(c.html).toContain('Ana &lt;script>alert(1)&lt;/script> Núñez');
		expect(c.html).not.toContain('<script>');
		expect(c.html).toContain('Contrato &lt;b>12&lt;/b>');
		expect(c.html).toContain('Partes &lt;i>');
		expect(c.html).toContain('&lt;img src=x>');
		expect(c.html).not.toContain('<img');
		expect(c.html).toContain('del 1 de diciembre de 2026 al 30 de noviembre de 2027');
	});

	it('signs by link: evidence stored, card marked signed (with an event), guard satisfied, link single use', async () => {
		await t.db.query(`update installations set full_name = 'Begoña Pérez Ibáñez' where id = $1`, [cardId]);
		const link = await createLink(t.db, org.agent, cardId, { kind: 'contrato' });
		const opened = await openLink(t.db, link.token);
		if (opened.state !== 'ok') throw new Error(opened.state);
		expect(opened.customer).toBe('Begoña Pérez Ibáñez');
		const { version: before } = (await getCard(t.db, org.org.id, cardId))!;
		const seqBefore = (await t.db.query<{ n: number }>('select coalesce(max(seq), 0)::int as n from board_events'))[0].n;

		await expect(
			signByLink(t.db, link.token, { signerName: 'Begoña', consent: 'on', signature: PNG, contentSha256: 'a'.repeat(64) }, meta)
		).rejects.toMatchObject({ status: 409 });
		expect(await count('signatures')).toBe(0);

		await signByLink(t.db, link.token, { signerName: 'Begoña Pérez', consent: 'on', signature: PNG, contentSha256: opened.sha }, meta);
		const [sig] = await t.db.query<Record<string, string>>(
			'select signer_name, ip, user_agent, content_sha256, method, image_png from signatures'
		);
		expect(sig).toMatchObject({
			signer_name: 'Begoña Pérez',
			ip: meta.ip,
			user_agent: meta.userAgent,
			content_sha256: opened.sha,
			method: 'link',
			image_png: PNG
		});
		const card = (await getCard(t.db, org.org.id, cardId))!;
		expect(card.contractSignedAt).toBeTruthy();
		expect(card.version).toBeGreaterThan(before);
		const events = await t.db.query<{ n: number }>('select count(*)::int as n from board_events where seq > $1 and card_id = $2', [
			seqBefore,
			cardId
		]);
		expect(events[0].n).toBeGreaterThan(0);
		const missing = missingForNext({ ...card, stage: 'asignada' }, readSettings({}))
			.missing.map((x) => x.message)
			.join(' ');
		expect(missing).not.toMatch(/firma del contrato/);

		const again = await openLink(t.db, link.token);
		expect(again).toMatchObject({ state: 'used', message: expect.stringMatching(/ya se usó/) });
		await expect(
			signByLink(t.db, link.token, { signerName: 'Otra', consent: 'on', signature: PNG, contentSha256: opened.sha }, meta)
		).rejects.toMatchObject({ status: 410 });
		expect(await count('signatures')).toBe(1);
		const state = await documentsState(t.db, org.agent, cardId);
		expect(state.contrato).toMatchObject({ status: 'firmado', signerName: 'Begoña Pérez' });
	});

	it('lets only the assigned technician sign the sheet on their phone (option B)', async () => {
		const stale = await contentToSign(t.db, org.coordinator, cardId, 'hoja_instalacion');
		const body = { kind: 'hoja_instalacion', signerName: 'Begoña', consent: true, signature: PNG, contentSha256: stale.sha };
		await expect(signInPerson(t.db, org.technician, cardId, body, meta)).rejects.toMatchObject({ status: 404 });
		await t.db.query('update installations set technician_id = $1 where id = $2', [org.technician.id, cardId]);
		// The sheet now names the technician: the content seen before no longer matches, so it is refused.
		await expect(signInPerson(t.db, org.technician, cardId, body, meta)).rejects.toMatchObject({ status: 409 });
		const c = await contentToSign(t.db, org.technician, cardId, 'hoja_instalacion');
		expect(c.html).toContain('Tomás Técnico');
		await signInPerson(t.db, org.technician, cardId, { ...body, contentSha256: c.sha }, meta);
		const [row] = await t.db.query<{ method: string }>(`select method from signatures where document_kind = 'hoja_instalacion'`);
		expect(row.method).toBe('telefono_tecnico');
		expect((await getCard(t.db, org.org.id, cardId))!.sheetSignedAt).toBeTruthy();
	});
});
