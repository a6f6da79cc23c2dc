// The board read model holds each card until an event with a newer version arrives, so the rule is:
// what a card shows changes its version. This test edits every field a board card displays, every
// file flag behind its badges and every joined name, then checks that the board's snapshot,
// served by the read model (never by reading the whole board again), shows the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { boardSnapshot, orgSettings, toBoardCard } from '$lib/server/services/board';
import { getCardsByIds } from '$lib/server/db/cards';
import { startFanout } from '$lib/server/realtime/fanout';
import { boardModels } from '$lib/server/realtime/board-model';
import { recordPayment } from '$lib/server/services/payments';
import { recordCall } from '$lib/server/services/lead-calls';
import type { BoardCard } from '$lib/types/board';

type Org = Awaited<ReturnType<typeof makeOrg>>;

describe.each(drivers)('what a card shows changes its version, on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	let stop: (() => Promise<void>) | null = null;
	const sent: string[] = [];
	const fullReads = () => sent.filter((s) => s.includes('order by i.stage, i.position')).length;

	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		const query = t.db.query.bind(t.db);
		t.db.query = (text, params) => {
			sent.push(text);
			return query(text, params);
		};
		stop = await startFanout(new Server(), t.db);
	});
	afterAll(async () => {
		await stop?.();
		await t.cleanup();
	});

	it('every displayed field, file flag and joined name reaches the board through the read model', async () => {
		const [zone] = await t.db.query<{ id: string }>(
			`insert into zones (org_id, name, payment_day, billing_mode) values ($1, 'RB1 NORTE', 5, 'prepago') returning id`,
			[o.org.id]
		);
		const [plan] = await t.db.query<{ id: string }>(
			`insert into plans (org_id, kind, name, price_cents) values ($1, 'internet', 'Plan 50', 39900) returning id`,
			[o.org.id]
		);
		const card = await makeCard(t.db, o.org.id, { stage: 'documentos_pendientes' });
		const file = (category: string) =>
			t.db.query<{ id: string }>(
				`insert into files (org_id, installation_id, category, name, mime, size_bytes, sha256, storage_key)
				 values ($1, $2, $3, 'foto.jpg', 'image/jpeg', 10, 'abc', 'k/' || gen_random_uuid()) returning id`,
				[o.org.id, card.id, category]
			);
		const edit =
			(set: string, ...params: unknown[]) =>
			() =>
				t.db.query(`update installations set ${set} where id = $1`, [card.id, ...params]).then(() => {});
		let ineId = '';
		const steps: { shows: (keyof BoardCard)[]; run: () => Promise<unknown> }[] = [
			{ shows: ['fullName'], run: edit(`full_name = 'Nombre Cambiado'`) },
			{ shows: ['colonia'], run: edit(`addr_colonia = 'SM 77'`) },
			{ shows: ['folio'], run: edit('folio = 987654') },
			{ shows: ['position'], run: edit('position = position + 1') },
			{ shows: ['zoneId', 'zoneName'], run: edit('zone_id = $2', zone.id) },
			{ shows: ['zoneName'], run: () => t.db.query(`update zones set name = 'RB2 SUR' where id = $1`, [zone.id]) },
			{ shows: ['planId', 'planName'], run: edit('plan_id = $2', plan.id) },
			{ shows: ['planName'], run: () => t.db.query(`update plans set name = 'Plan 200' where id = $1`, [plan.id]) },
			{ shows: ['contractType'], run: edit(`contract_type = '12_meses'`) },
			{ shows: ['installationDate'], run: edit(`installation_date = '2026-12-24'`) },
			{ shows: ['installationTime'], run: edit(`installation_time = '10–12'`) },
			{ shows: ['technicianId', 'technicianName'], run: edit('technician_id = $2', o.technician.id) },
			{ shows: ['technicianName'], run: () => t.db.query(`update users set name = 'Tomás Renombrado' where id = $1`, [o.technician.id]) },
			{ shows: ['technicianColor'], run: () => t.db.query(`update users set color = '#123456' where id = $1`, [o.technician.id]) },
			{ shows: ['sheetSigned'], run: edit('sheet_signed_at = now()') },
			{ shows: ['contractSigned'], run: edit('contract_signed_at = now()') },
			{ shows: ['missing', 'badge'], run: async () => ([{ id: ineId }] = await file('ine_frontal')) },
			{ shows: ['missing', 'badge'], run: () => t.db.query('update files set superseded_at = now() where id = $1', [ineId]) },
			{ shows: ['missing', 'badge'], run: () => file('ine_atras') },
			{
				shows: ['missing', 'badge'],
				run: () => t.db.query(`delete from files where installation_id = $1 and category = 'ine_atras'`, [card.id])
			},
			{
				shows: ['duplicateOf'],
				run: async () => {
					const twin = await makeCard(t.db, o.org.id, { stage: 'preinstalacion' });
					await t.db.query(`insert into duplicate_pairs (org_id, older_id, newer_id, matched_on) values ($1, $2, $3, '{phone}')`, [
						o.org.id,
						card.id,
						twin.id
					]);
				}
			},
			{ shows: ['duplicateOf'], run: () => t.db.query(`update duplicate_pairs set status = 'dismissed' where older_id = $1`, [card.id]) },
			// Money at the door: a payment taken (partial while the first charge is unknown), then the charge it covers.
			{ shows: ['payment'], run: () => recordPayment(t.db, o.admin, { installationId: card.id, amount: '500', method: 'efectivo' }) },
			{ shows: ['payment'], run: edit('billing = $2::jsonb', JSON.stringify({ charge: { totalCents: 50_000 } })) },
			// Following up the lead: an attempt from the card, then the next contact moved by hand.
			{
				shows: ['callAttempts', 'lastCallAt', 'lastCallOutcome', 'nextContactAt'],
				run: () => recordCall(t.db, o.agent, { installationId: card.id, outcome: 'no_contesto', nextContactAt: '2026-12-07T14:00:00Z' })
			},
			{ shows: ['nextContactAt'], run: edit(`next_contact_at = '2026-12-08T15:00:00Z'`) },
			{ shows: ['stageChangedAt'], run: edit(`stage_changed_at = now() - interval '1 hour'`) },
			{ shows: ['createdAt'], run: edit(`created_at = now() - interval '3 days'`) },
			{ shows: ['stage'], run: edit(`stage = 'agendada'`) },
			{ shows: ['stage', 'cancelReason'], run: edit(`stage = 'cancelada', cancel_reason = 'declino'`) },
			{ shows: ['cancelNote'], run: edit(`cancel_note = 'Se mudó de ciudad'`) },
			{ shows: ['wisphub'], run: edit(`wisphub_state = 'enviando'`) },
			{ shows: ['wisphub'], run: edit(`wisphub_state = 'sincronizado', wisphub_id = '1042'`) },
			{ shows: ['wisphub'], run: edit(`wisphub_state = 'error', wisphub_error = 'WispHub rechazó los datos'`) }
		];
		const onBoard = async () => (await boardSnapshot(t.db, o.admin)).cards.find((c) => c.id === card.id)!;
		let before = await onBoard();
		// Every field of a board card is edited above (id never changes; version is what is checked).
		const covered = new Set<string>(['id', 'version', ...steps.flatMap((s) => s.shows)]);
		expect(Object.keys(before).filter((k) => !covered.has(k))).toEqual([]);

		const reads = fullReads();
		const settings = await orgSettings(t.db, o.org.id);
		for (const step of steps) {
			await step.run();
			const after = await onBoard();
			const [row] = (await getCardsByIds(t.db, [card.id])).values();
			// Exactly the card as the database has it now, at a newer version…
			expect(after).toEqual(toBoardCard(row, settings));
			expect(after.version, step.shows.join()).toBeGreaterThan(before.version);
			// …showing the change this step made.
			for (const field of step.shows) expect(after[field], field).not.toEqual(before[field]);
			before = after;
		}
		expect(fullReads()).toBe(reads);

		// The notifications carry the same changes: once they are applied, a snapshot needs no re-read.
		const [{ seq }] = await t.db.query<{ seq: number }>('select max(seq)::int as seq from board_events where org_id = $1', [o.org.id]);
		expect((await boardSnapshot(t.db, o.admin)).lastSeq).toBe(seq);
	});

	it('the listener applies each change to the model from its notification, before any snapshot asks', async () => {
		const card = await makeCard(t.db, o.org.id);
		expect((await boardSnapshot(t.db, o.admin)).cards.some((c) => c.id === card.id)).toBe(true);
		const model = boardModels(t.db).model(o.org.id);
		const reads = fullReads();
		await t.db.query('update installations set technician_id = $2 where id = $1', [card.id, o.technician.id]);
		await t.db.query(`update users set name = 'Otra Vez Renombrado' where id = $1`, [o.technician.id]);
		const [{ version }] = await t.db.query<{ version: number }>('select version from installations where id = $1', [card.id]);
		const until = Date.now() + 60_000;
		while (model.row(card.id)?.version !== version) {
			if (Date.now() > until) throw new Error('the notification never reached the model');
			await new Promise((r) => setTimeout(r, 20));
		}
		expect(model.row(card.id)?.technicianName).toBe('Otra Vez Renombrado');
		expect(fullReads()).toBe(reads);
	});
});
