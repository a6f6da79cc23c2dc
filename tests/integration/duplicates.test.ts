// Possible duplicates (issue 18, item 2): every way a lead is created flags a card sharing its phone
// (main or additional) or email with an open or recently closed card of the same provider; the
// office merges (the older card keeps everything) or dismisses; two at once, one wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { count } from './support/card-fixtures';
import { createLead, insertLead, submitPublicRequest } from '$lib/server/services/leads';
import { resolveDuplicate } from '$lib/server/services/duplicates';
import { cardPanel } from '$lib/server/services/cards';
import { boardSnapshot } from '$lib/server/services/board';
import { RateLimiter } from '$lib/server/rate-limit';

type Org = Awaited<ReturnType<typeof makeOrg>>;

describe.each(drivers)('possible duplicates on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	let other: Org;
	let phoneSeq = 5_000_000;
	const phone = () => `997${String(phoneSeq++).padStart(7, '0')}`;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		other = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());

	const pairsOf = (id: string) =>
		t.db.query<{ id: string; older_id: string; newer_id: string; matched_on: string[]; status: string }>(
			'select id, older_id, newer_id, matched_on, status from duplicate_pairs where older_id = $1 or newer_id = $1 order by created_at',
			[id]
		);
	const folioOf = async (id: string) =>
		(await t.db.query<{ folio: number }>('select folio::int as folio from installations where id = $1', [id]))[0].folio;
	const onBoard = async (id: string) => (await boardSnapshot(t.db, o.admin)).cards.find((c) => c.id === id)!;
	const publicCtx = () => ({ orgSlug: o.org.slug, ip: '10.9.9.9', bodyBytes: 200, limiter: new RateLimiter(100, 60_000) });

	it('the board form flags a lead with the phone of an open card, on both cards and on the board', async () => {
		const shared = phone();
		const old = await makeCard(t.db, o.org.id, { full_name: 'Rosa Pech', phone: shared, stage: 'cobertura_confirmada' });
		const before = await onBoard(old.id);
		const lead = await createLead(t.db, o.agent, { fullName: 'Rosa Pech Uc', phone: shared, source: 'ventas' });
		const [pair] = await pairsOf(lead.id);
		expect(pair).toMatchObject({ older_id: old.id, newer_id: lead.id, matched_on: ['phone'], status: 'open' });
		const oldFolio = await folioOf(old.id);
		expect((await onBoard(lead.id)).duplicateOf).toEqual([oldFolio]);
		const after = await onBoard(old.id);
		expect(after.duplicateOf).toEqual([lead.folio]);
		expect(after.version).toBeGreaterThan(before.version);
		const panel = await cardPanel(t.db, o.agent, lead.id);
		expect(panel.duplicates).toEqual([
			{
				pairId: pair.id,
				otherId: old.id,
				otherFolio: oldFolio,
				otherName: 'Rosa Pech',
				otherStage: 'cobertura_confirmada',
				otherIsOlder: true,
				matchedOn: ['phone']
			}
		]);
		expect(panel.history.some((h) => h.changes.some((c) => c.to === `Posible duplicado de #${oldFolio} (mismo teléfono)`))).toBe(true);
		expect(
			(await cardPanel(t.db, o.agent, old.id)).history.some((h) =>
				h.changes.some((c) => c.to === `Posible duplicado de #${lead.folio} (mismo teléfono)`)
			)
		).toBe(true);
	});

	it('the public form flags a phone that is another card’s additional phone, and answers exactly as for anyone', async () => {
		const alt = phone();
		const old = await makeCard(t.db, o.org.id, { full_name: 'Luis Canul', phone: phone(), phone_alt: alt });
		const answer = await submitPublicRequest(t.db, publicCtx(), { fullName: 'Luis Canul', phone: alt });
		const fresh = await submitPublicRequest(t.db, publicCtx(), { fullName: 'Nadie Igual', phone: phone() });
		expect(answer).toEqual(fresh);
		const [pair] = await pairsOf(old.id);
		expect(pair).toMatchObject({ older_id: old.id, matched_on: ['phone'], status: 'open' });
	});

	it('an email matches whatever its case; the import path (insertLead) flags too', async () => {
		const old = await makeCard(t.db, o.org.id, { full_name: 'Marta Dzib', email: 'marta.dzib@correo.mx' });
		const lead = await createLead(t.db, o.coordinator, {
			fullName: 'Marta Dzib',
			phone: phone(),
			email: 'Marta.Dzib@Correo.MX',
			source: 'web'
		});
		expect((await pairsOf(lead.id)).map((p) => [p.older_id, p.matched_on])).toEqual([[old.id, ['email']]]);
		const imported = await t.db.begin((tx) =>
			insertLead(
				tx,
				o.org.id,
				o.admin.id,
				{ fullName: 'Marta Dzib', phone: phone(), email: 'MARTA.DZIB@correo.mx', source: 'otro' },
				0,
				'importacion'
			)
		);
		expect((await pairsOf(imported.id)).map((p) => p.older_id).sort()).toEqual([old.id, lead.id].sort());
	});

	it('never across providers, never for a card closed more than 90 days ago, and never for a merged-away card', async () => {
		const shared = phone();
		await makeCard(t.db, other.org.id, { phone: shared, email: 'misma@correo.mx' });
		await makeCard(t.db, o.org.id, {
			phone: shared,
			stage: 'activa',
			stage_changed_at: new Date(Date.now() - 91 * 86_400_000).toISOString()
		});
		await makeCard(t.db, o.org.id, { phone: shared, stage: 'cancelada', cancel_reason: 'duplicado' });
		const lead = await createLead(t.db, o.agent, { fullName: 'Pedro Ek', phone: shared, email: 'misma@correo.mx', source: 'ventas' });
		expect(await pairsOf(lead.id)).toEqual([]);
		expect((await cardPanel(t.db, o.agent, lead.id)).duplicates).toEqual([]);
		// …but a card cancelled 30 days ago still counts.
		const recent = await makeCard(t.db, o.org.id, {
			phone: shared,
			stage: 'cancelada',
			cancel_reason: 'declino',
			stage_changed_at: new Date(Date.now() - 30 * 86_400_000).toISOString()
		});
		const again = await createLead(t.db, o.agent, { fullName: 'Pedro Ek', phone: shared, source: 'ventas' });
		expect((await pairsOf(again.id)).map((p) => p.older_id)).toContain(recent.id);
	});

	async function mergeSetup() {
		const shared = phone();
		const old = await makeCard(t.db, o.org.id, {
			full_name: 'Sara Chi',
			phone: shared,
			stage: 'documentos_pendientes',
			comments: 'Llamar tarde'
		});
		const file = (id: string, category: string, name: string) =>
			t.db.query<{ id: string }>(
				`insert into files (org_id, installation_id, category, name, mime, size_bytes, sha256, storage_key)
				 values ($1, $2, $3, $4, 'image/jpeg', 10, 'abc', 'k/' || gen_random_uuid()) returning id`,
				[o.org.id, id, category, name]
			);
		const [oldIne] = await file(old.id, 'ine_frontal', 'ine-vieja.jpg');
		const lead = await createLead(t.db, o.agent, { fullName: 'Sara Chi', phone: shared, email: `sara.${shared}@correo.mx`, source: 'web' });
		await t.db.query(`update installations set comments = 'Tiene perro', addr_street = 'Calle 5' where id = $1`, [lead.id]);
		const [newIne] = await file(lead.id, 'ine_frontal', 'ine-nueva.jpg');
		const [newOther] = await file(lead.id, 'comprobante_domicilio', 'recibo.pdf');
		const [pair] = await pairsOf(lead.id);
		return { old, lead, pair, oldIne, newIne, newOther };
	}

	it('merge keeps the older card and its folio, moves files and history, fills its gaps and cancels the newer as duplicado', async () => {
		const { old, lead, pair, oldIne, newIne, newOther } = await mergeSetup();
		const [{ phone: shared }] = await t.db.query<{ phone: string }>('select phone from installations where id = $1', [old.id]);
		const oldFolio = await folioOf(old.id);
		const logged = await t.db.query<{ id: string; source: string | null }>(
			`select id, source from card_history where installation_id = $1 and field is distinct from 'duplicado'`,
			[lead.id]
		);
		const notices = await t.db.query<{ id: string }>(`select id from card_history where installation_id = $1 and field = 'duplicado'`, [
			lead.id
		]);
		expect(notices.length).toBe(1);
		const leadHistory = logged.length;
		expect(leadHistory).toBeGreaterThan(0);
		const result = await resolveDuplicate(t.db, o.agent, lead.id, { pairId: pair.id, action: 'fusionar' });
		expect(result).toMatchObject({ action: 'fusionar', keptId: old.id, keptFolio: oldFolio, cancelledId: lead.id });

		const files = await t.db.query<{ id: string; installation_id: string; superseded_by: string | null }>(
			'select id, installation_id, superseded_by from files where id = any($1::uuid[])',
			[[oldIne.id, newIne.id, newOther.id]]
		);
		expect(files.every((f) => f.installation_id === old.id)).toBe(true);
		// The kept card's INE stays current; the newer one's is kept on record, replaced by it.
		expect(files.find((f) => f.id === oldIne.id)!.superseded_by).toBeNull();
		expect(files.find((f) => f.id === newIne.id)!.superseded_by).toBe(oldIne.id);
		expect(files.find((f) => f.id === newOther.id)!.superseded_by).toBeNull();

		const [kept] = await t.db.query<{ folio: number; stage: string; email: string; comments: string; addr_street: string }>(
			'select folio::int as folio, stage, email, comments, addr_street from installations where id = $1',
			[old.id]
		);
		expect(kept).toEqual({
			folio: oldFolio,
			stage: 'documentos_pendientes',
			email: `sara.${shared}@correo.mx`,
			comments: `Llamar tarde\n\nDe #${lead.folio}: Tiene perro`,
			addr_street: 'Calle 5'
		});
		const [gone] = await t.db.query<{ stage: string; cancel_reason: string; cancel_note: string }>(
			'select stage, cancel_reason, cancel_note from installations where id = $1',
			[lead.id]
		);
		expect(gone).toEqual({
			stage: 'cancelada',
			cancel_reason: 'duplicado',
			cancel_note: `Duplicado de #${oldFolio}: se fusionó en esa tarjeta.`
		});
		const moved = await t.db.query<{ id: string; installation_id: string; source: string }>(
			'select id, installation_id, source from card_history where id = any($1::bigint[]) order by id',
			[logged.map((h) => h.id)]
		);
		expect(moved).toEqual(
			logged
				.sort((a, b) => Number(a.id) - Number(b.id))
				.map((h) => ({ id: h.id, installation_id: old.id, source: `${h.source ? `${h.source} ` : ''}(de #${lead.folio})` }))
		);
		const keptHistory = (await cardPanel(t.db, o.agent, old.id)).history;
		expect(
			keptHistory.some((h) =>
				h.changes.some((c) =>
					String(c.to).startsWith(
						`Se fusionó #${lead.folio} en esta tarjeta: 2 archivos, ${leadHistory} ${leadHistory === 1 ? 'entrada' : 'entradas'} del historial`
					)
				)
			)
		).toBe(true);
		// The newer card keeps its own duplicate notice: on the kept card it would read «duplicate of itself».
		expect(await count(t.db, 'card_history', 'id = $1 and installation_id = $2', [notices[0].id, lead.id])).toBe(1);
		expect(
			(await cardPanel(t.db, o.agent, lead.id)).history.some((h) =>
				h.changes.some((c) => c.to === `Fusionada en #${oldFolio}: sus archivos, historial y notas pasaron a esa tarjeta`)
			)
		).toBe(true);
		expect((await pairsOf(lead.id))[0].status).toBe('merged');
		expect((await onBoard(old.id)).duplicateOf).toEqual([]);
		expect((await cardPanel(t.db, o.agent, old.id)).duplicates).toEqual([]);
	});

	it('«No es duplicado» is recorded, clears the badge and the pair is never flagged again', async () => {
		const shared = phone();
		const a = await makeCard(t.db, o.org.id, { full_name: 'Gabriel Poot', phone: shared });
		const b = await createLead(t.db, o.agent, { fullName: 'Gabriela Poot', phone: shared, source: 'ventas' });
		const [pair] = await pairsOf(b.id);
		const flagged = await onBoard(a.id);
		await resolveDuplicate(t.db, o.coordinator, a.id, { pairId: pair.id, action: 'descartar' });
		const [row] = await t.db.query<{ status: string; resolved_by: string }>(
			'select status, resolved_by from duplicate_pairs where id = $1',
			[pair.id]
		);
		expect(row).toEqual({ status: 'dismissed', resolved_by: o.coordinator.id });
		const cleared = await onBoard(a.id);
		expect(cleared.duplicateOf).toEqual([]);
		expect(cleared.version).toBeGreaterThan(flagged.version);
		const aFolio = await folioOf(a.id);
		expect(
			(await cardPanel(t.db, o.agent, b.id)).history.some((h) => h.changes.some((c) => c.to === `No es duplicado de #${aFolio}`))
		).toBe(true);
		// A third card with the same phone is flagged against both; the dismissed pair stays dismissed.
		const c = await createLead(t.db, o.agent, { fullName: 'Gabo Poot', phone: shared, source: 'ventas' });
		expect((await pairsOf(c.id)).length).toBe(2);
		expect((await pairsOf(a.id)).filter((p) => p.newer_id === b.id).map((p) => p.status)).toEqual(['dismissed']);
	});

	it('two people merging at once: one wins, the other hears a Spanish 409 and nothing of theirs is written', async () => {
		for (let round = 0; round < 3; round++) {
			const { lead, pair } = await mergeSetup();
			const results = await Promise.allSettled([
				resolveDuplicate(t.db, o.agent, lead.id, { pairId: pair.id, action: 'fusionar' }),
				resolveDuplicate(t.db, o.coordinator, lead.id, { pairId: pair.id, action: 'fusionar' })
			]);
			const ok = results.filter((r) => r.status === 'fulfilled');
			const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
			expect(ok).toHaveLength(1);
			expect(refused).toHaveLength(1);
			expect(refused[0].reason).toMatchObject({ status: 409 });
			expect(refused[0].reason.message).toMatch(/ya fusionó estas dos tarjetas/);
			expect(await count(t.db, 'stage_history', `installation_id = $1 and to_stage = 'cancelada'`, [lead.id])).toBe(1);
		}
	});

	it('a technician may not merge or dismiss, and nothing is written', async () => {
		const { old, lead, pair } = await mergeSetup();
		const state = () =>
			t.db.query('select id, version, stage, comments from installations where id = any($1::uuid[]) order by id', [[old.id, lead.id]]);
		const before = { cards: await state(), history: await count(t.db, 'card_history', 'org_id = $1', [o.org.id]) };
		for (const action of ['fusionar', 'descartar']) {
			await expect(resolveDuplicate(t.db, o.technician, lead.id, { pairId: pair.id, action })).rejects.toMatchObject({ status: 403 });
		}
		expect({ cards: await state(), history: await count(t.db, 'card_history', 'org_id = $1', [o.org.id]) }).toEqual(before);
		expect((await pairsOf(lead.id))[0].status).toBe('open');
		expect(await cardPanel(t.db, o.technician, lead.id).catch((e) => e.status)).toBe(404);
	});

	it('refuses a pair of another card or provider, and a merge into a cancelled card, in Spanish', async () => {
		const { lead, pair, old } = await mergeSetup();
		const stranger = await makeCard(t.db, o.org.id);
		await expect(resolveDuplicate(t.db, o.agent, stranger.id, { pairId: pair.id, action: 'fusionar' })).rejects.toMatchObject({
			status: 404
		});
		await expect(resolveDuplicate(t.db, other.admin, lead.id, { pairId: pair.id, action: 'fusionar' })).rejects.toMatchObject({
			status: 404
		});
		await expect(resolveDuplicate(t.db, o.agent, lead.id, { pairId: 'x', action: 'fusionar' })).rejects.toMatchObject({ status: 400 });
		await t.db.query(`update installations set stage = 'cancelada', cancel_reason = 'declino' where id = $1`, [old.id]);
		const err = await resolveDuplicate(t.db, o.agent, lead.id, { pairId: pair.id, action: 'fusionar' }).catch((e) => e);
		expect(err.status).toBe(409);
		expect(err.message).toMatch(/está cancelada: no se puede fusionar en ella/);
		expect((await pairsOf(lead.id))[0].status).toBe('open');
	});

	it('a provider with flagged cards can still be deleted (the pairs go with its cards)', async () => {
		const gone = await makeOrg(t.db);
		const shared = phone();
		await makeCard(t.db, gone.org.id, { phone: shared });
		await createLead(t.db, gone.agent, { fullName: 'Ana Uc', phone: shared, source: 'ventas' });
		expect(await count(t.db, 'duplicate_pairs', 'org_id = $1', [gone.org.id])).toBe(1);
		await t.db.query('delete from organizations where id = $1', [gone.org.id]);
		expect(await count(t.db, 'duplicate_pairs', 'org_id = $1', [gone.org.id])).toBe(0);
		expect(await count(t.db, 'installations', 'org_id = $1', [gone.org.id])).toBe(0);
	});
});
