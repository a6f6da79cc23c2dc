// The board serves moves, snapshots and the fan-out from the card rows its read model holds,
// checked by version against the database. These tests change cards behind the app's back (plain
// SQL) and check that nothing stale ever comes out.
import { STAGES } from '$lib/domain/stage-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { moveCard } from '$lib/server/services/moves';
import { reopenCard } from '$lib/server/services/reopen';
import { boardSnapshot, orgSettings, toBoardCard } from '$lib/server/services/board';
import { getCardsByIds, listBoard } from '$lib/server/db/cards';
import { boardModels } from '$lib/server/realtime/board-model';
import { projectEvents } from '$lib/server/realtime/fanout';

type Org = Awaited<ReturnType<typeof makeOrg>>;

describe.each(drivers)('board read model (cards held by version) on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	let zoneId: string;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		[{ id: zoneId }] = await t.db.query<{ id: string }>(
			`insert into zones (org_id, name, payment_day, billing_mode) values ($1, 'RB1 NORTE', 5, 'prepago') returning id`,
			[o.org.id]
		);
		// As while the fan-out listens: services trust the read model. The tests below hand the
		// notifications to projectEvents themselves, as the fan-out does.
		boardModels(t.db).listening = true;
	});
	afterAll(async () => t.cleanup());

	it('a move checks the guard on the card as it is now, not on a stale copy', async () => {
		const card = await makeCard(t.db, o.org.id);
		// The agent's first move puts the card in this process's cache…
		const first = await moveCard(t.db, o.agent, { cardId: card.id, toStage: 'preinstalacion', version: 1 });
		expect(first.ok).toBe(true);
		// …then someone moves it to «asignada» with plain SQL, outside the app.
		await t.db.query(`update installations set stage = 'asignada' where id = $1`, [card.id]);
		const res = await moveCard(t.db, o.agent, {
			cardId: card.id,
			toStage: 'cobertura_confirmada',
			version: 1,
			overrideReason: 'ya lo revisé'
		});
		expect(res.ok).toBe(false);
		if (!res.ok) {
			expect(res.status).toBe(403);
			expect(res.card?.stage).toBe('asignada');
		}
	});

	it('a refusal is never about data that has since been filled in', async () => {
		const card = await makeCard(t.db, o.org.id);
		const refused = await moveCard(t.db, o.agent, { cardId: card.id, toStage: 'cobertura_confirmada', version: 1 });
		expect(refused.ok).toBe(false);
		await t.db.query(`update installations set lat = 21.16, lng = -86.85, zone_id = $2, service_type = 'fibra' where id = $1`, [
			card.id,
			zoneId
		]);
		const res = await moveCard(t.db, o.agent, { cardId: card.id, toStage: 'cobertura_confirmada', version: 1 });
		expect(res.ok).toBe(true);
		if (res.ok) expect(res.card).toMatchObject({ stage: 'cobertura_confirmada', zoneName: 'RB1 NORTE' });
	});

	it('a technician may move a card assigned to them after a stale copy said it was someone else’s', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'asignada' });
		// An admin's move puts the unassigned card in this process's cache…
		expect((await moveCard(t.db, o.admin, { cardId: card.id, toStage: 'asignada', version: 1 })).ok).toBe(true);
		// …then the coordinator assigns it with plain SQL.
		await t.db.query('update installations set technician_id = $2 where id = $1', [card.id, o.technician.id]);
		const res = await moveCard(t.db, o.technician, { cardId: card.id, toStage: 'firmada', version: 1 });
		// Not «no access» from the stale copy: the guard speaks about the real card (it needs signatures).
		expect(res.ok).toBe(false);
		if (!res.ok) {
			expect(res.status).not.toBe(404);
			expect(res.reasons.join(' ')).toMatch(/firma/i);
		}
	});

	it('a snapshot shows changes made outside the app, renamed zones and deleted cards', async () => {
		const a = await makeCard(t.db, o.org.id, { zone_id: zoneId });
		const b = await makeCard(t.db, o.org.id);
		const byId = async () => new Map((await boardSnapshot(t.db, o.admin)).cards.map((c) => [c.id, c]));
		expect((await byId()).get(a.id)?.zoneName).toBe('RB1 NORTE'); // now cached
		await t.db.query(`update installations set full_name = 'Nombre Cambiado Por SQL' where id = $1`, [a.id]);
		expect((await byId()).get(a.id)?.fullName).toBe('Nombre Cambiado Por SQL');
		await t.db.query(`update zones set name = 'RB1 NORTE NUEVA' where id = $1`, [zoneId]);
		expect((await byId()).get(a.id)?.zoneName).toBe('RB1 NORTE NUEVA');
		await t.db.query('delete from installations where id = $1', [b.id]);
		const after = await byId();
		expect(after.has(b.id)).toBe(false);
		const snap = await boardSnapshot(t.db, o.admin);
		const [n] = await t.db.query<{ n: number }>(
			`select count(*)::int as n from installations where org_id = $1 and stage = 'preinstalacion'`,
			[o.org.id]
		);
		expect(snap.totals.preinstalacion).toBe(n.n);
		const [seq] = await t.db.query<{ s: number }>('select max(seq)::int as s from board_events where org_id = $1', [o.org.id]);
		expect(snap.lastSeq).toBe(seq.s);
		// Closed columns' counts are reused only while no event happened.
		const cancelled = snap.totals.cancelada ?? 0;
		await t.db.query(`update installations set stage = 'cancelada', cancel_reason = 'declino' where id = $1`, [a.id]);
		expect((await boardSnapshot(t.db, o.admin)).totals.cancelada).toBe(cancelled + 1);
	});

	it('filters served from memory select exactly what the SQL filters select (property)', async () => {
		const [tech] = await t.db.query<{ id: string }>(`select id from users where org_id = $1 and role = 'technician' limit 1`, [o.org.id]);
		const dates = ['2026-11-20', '2026-11-25', '2026-12-01', null];
		for (let i = 0; i < 24; i++) {
			await makeCard(t.db, o.org.id, {
				stage: ['preinstalacion', 'agendada', 'asignada', 'activa'][i % 4],
				zone_id: i % 3 ? zoneId : null,
				technician_id: i % 2 ? tech.id : null,
				contract_type: i % 5 ? '12_meses' : 'indefinido',
				installation_date: dates[i % 4]
			});
		}
		const settings = await orgSettings(t.db, o.org.id);
		await fc.assert(
			fc.asyncProperty(
				fc.record({
					zona: fc.option(fc.constant(zoneId), { nil: undefined }),
					tecnico: fc.option(fc.constant(tech.id), { nil: undefined }),
					contrato: fc.option(fc.constantFrom('12_meses', 'indefinido'), { nil: undefined }),
					desde: fc.option(fc.constantFrom('2026-11-21', '2026-11-25'), { nil: undefined }),
					hasta: fc.option(fc.constantFrom('2026-11-25', '2026-12-31'), { nil: undefined })
				}),
				async (f) => {
					const snap = await boardSnapshot(t.db, o.admin, f);
					const sql = await listBoard(t.db, {
						orgId: o.org.id,
						recentDays: settings.activeVisibleDays,
						zoneId: f.zona,
						technicianId: f.tecnico,
						contractType: f.contrato,
						dateFrom: f.desde,
						dateTo: f.hasta
					});
					// The snapshot sends each column's first page in turn: the same cards, in the same order within a column.
					const byStage = (rows: { id: string; stage: string }[]) =>
						Object.fromEntries(STAGES.map((stage) => [stage, rows.filter((r) => r.stage === stage).map((r) => r.id)]));
					expect(byStage(snap.cards)).toEqual(byStage(sql));
				}
			),
			{ numRuns: 40 }
		);
	});

	it('events advanced from the previous version equal the card read from the database', async () => {
		const cards = await Promise.all(Array.from({ length: 6 }, () => makeCard(t.db, o.org.id)));
		await boardSnapshot(t.db, o.admin); // the read model now holds every card
		const model = boardModels(t.db).model(o.org.id);
		const apply = model.apply.bind(model);
		let advanced = 0;
		model.apply = (n) => {
			const before = n.card ? model.row(n.card)?.version : undefined;
			const row = apply(n);
			if (row && n.version != null && before === n.version - 1) advanced++;
			return row;
		};
		type Note = Parameters<typeof projectEvents>[1][number];
		const notes: Note[] = [];
		const unlisten = await t.db.listen('board_events', (p) => notes.push(JSON.parse(p)));
		const projected: Awaited<ReturnType<typeof projectEvents>> = [];
		let seen = 0;
		// Like the fan-out: project what has arrived after each change.
		const settle = async (cardId: string) => {
			const [{ version }] = await t.db.query<{ version: number }>('select version from installations where id = $1', [cardId]);
			await waitFor(() => notes.some((n) => n.card === cardId && n.version === version));
			const batch = notes.slice(seen).filter((n) => n.org === o.org.id);
			seen = notes.length;
			projected.push(...(await projectEvents(t.db, batch)));
			// What the boards were sent is exactly the card as the database has it now.
			const [row] = (await getCardsByIds(t.db, [cardId])).values();
			const last = projected.filter((p) => p.event.cardId === cardId).at(-1)!;
			expect(last.event.card).toEqual(toBoardCard(row, await orgSettings(t.db, o.org.id)));
		};
		try {
			const stages = ['preinstalacion', 'cobertura_confirmada', 'cancelada'] as const;
			for (let i = 0; i < 30; i++) {
				const card = cards[i % cards.length];
				const toStage = stages[(i * 7) % 3];
				if (i % 3 === 1 && toStage !== 'cancelada') {
					// Another process (or plain SQL) moves it: this process only sees the event's patch.
					await t.db.query('update installations set stage = $2, position = position + 0.5 where id = $1', [card.id, toStage]);
				} else {
					// A reason comes with a cancel, not with a reorder inside Cancelada (that is a second cancel: 409).
					const [{ stage }] = await t.db.query<{ stage: string }>('select stage from installations where id = $1', [card.id]);
					// Leaving «Cancelada» is a reopen, back to the stage the card left.
					const res =
						stage === 'cancelada' && toStage !== 'cancelada'
							? await reopenCard(t.db, o.admin, card.id, { reason: 'prueba de eventos', overrideReason: 'prueba de eventos' })
							: await moveCard(t.db, o.admin, {
									cardId: card.id,
									toStage,
									version: 1,
									overrideReason: 'prueba de eventos',
									cancelReason: toStage === 'cancelada' && stage !== 'cancelada' ? 'declino' : undefined,
									beforeId: cards[(i + 1) % cards.length].id
								});
					expect(res.ok).toBe(true);
				}
				if (i % 5 === 0) await t.db.query(`update installations set addr_colonia = $2 where id = $1`, [card.id, `SM ${i}`]);
				await settle(card.id);
			}
			expect(projected.every((p) => p.event.actorId === o.admin.id || p.event.actorId === null)).toBe(true);
			// The outside moves were applied from their patches, not read back.
			expect(advanced).toBeGreaterThanOrEqual(5);
		} finally {
			model.apply = apply;
			await unlisten();
		}
	}, 120_000);

	it("a deleted provider's board events go with it", async () => {
		const other = await makeOrg(t.db);
		const card = await makeCard(t.db, other.org.id);
		await t.db.query(`update installations set full_name = 'Otro Nombre' where id = $1`, [card.id]);
		const events = async () =>
			(await t.db.query<{ n: number }>('select count(*)::int as n from board_events where org_id = $1', [other.org.id]))[0].n;
		expect(await events()).toBeGreaterThanOrEqual(2);
		await t.db.query('delete from organizations where id = $1', [other.org.id]);
		expect(await events()).toBe(0);
	});

	it('a move writes a slim patch with only what changed', async () => {
		const card = await makeCard(t.db, o.org.id);
		const res = await moveCard(t.db, o.admin, {
			cardId: card.id,
			toStage: 'cobertura_confirmada',
			version: 1,
			overrideReason: 'prueba de parche'
		});
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		const [ev] = await t.db.query<{ kind: string; patch: Record<string, unknown> }>('select kind, patch from board_events where seq = $1', [
			res.seq
		]);
		expect(ev.kind).toBe('card:moved');
		expect(Object.keys(ev.patch).sort()).toEqual(['position', 'stage', 'stage_changed_at', 'version']);
		await t.db.query(`update installations set billing = '{"x": 1}'::jsonb, full_name = 'Con Cobro' where id = $1`, [card.id]);
		const [edit] = await t.db.query<{ kind: string; patch: Record<string, unknown> }>(
			'select kind, patch from board_events where card_id = $1 order by seq desc limit 1',
			[card.id]
		);
		expect(edit).toEqual({ kind: 'card:updated', patch: { billing: true, full_name: 'Con Cobro', version: res.card.version + 1 } });
	});

	it("board_move's event patch is exactly what changed in the row, and only its own update takes that path", async () => {
		const card = await makeCard(t.db, o.org.id);
		const [{ ip }] = await t.db.query<{ ip: string }>(`update installations set ip = '10.9.8.7' where id = $1 returning host(ip) as ip`, [
			card.id
		]);
		expect(ip).toBe('10.9.8.7');
		const row = async () =>
			(
				await t.db.query<{ r: Record<string, unknown> }>(`select to_jsonb(i) - 'updated_at' as r from installations i where id = $1`, [
					card.id
				])
			)[0].r;
		const steps = [
			{ toStage: 'cobertura_confirmada' as const },
			{ toStage: 'cobertura_confirmada' as const, beforeId: (await makeCard(t.db, o.org.id, { stage: 'cobertura_confirmada' })).id },
			{ toStage: 'cancelada' as const, cancelReason: 'declino' as const, cancelNote: 'Ya no quiere' },
			// Leaving «Cancelada» is a reopen (reopenCard), which moves through board_move too.
			{ reopen: true }
		];
		for (const step of steps) {
			const before = await row();
			const res =
				'reopen' in step
					? await reopenCard(t.db, o.admin, card.id, { reason: 'prueba de parche', overrideReason: 'prueba de parche' })
					: await moveCard(t.db, o.admin, { cardId: card.id, version: 1, overrideReason: 'prueba de parche', ...step });
			expect(res.ok).toBe(true);
			if (!res.ok) return;
			const after = await row();
			const changed = Object.fromEntries(
				Object.keys(after)
					.filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
					.map((k) => [k, after[k]])
			);
			const [ev] = await t.db.query<{ patch: Record<string, unknown> }>(
				'select patch from board_events where card_id = $1 order by seq desc limit 1',
				[card.id]
			);
			expect(ev.patch).toEqual(changed);
		}
		// In one transaction, an ordinary update after a move still reports every column it changed.
		const { version } = (await row()) as { version: number };
		await t.db.begin(async (tx) => {
			await tx.query(`select * from board_move($1, $2, $3, 'cobertura_confirmada', null, null, $4, 'prueba', null, null, 65536, 1e-9)`, [
				o.org.id,
				card.id,
				version,
				o.admin.id
			]);
			await tx.query(`update installations set full_name = 'Después Del Movimiento' where id = $1`, [card.id]);
		});
		const [edit] = await t.db.query<{ patch: Record<string, unknown> }>(
			'select patch from board_events where card_id = $1 order by seq desc limit 1',
			[card.id]
		);
		expect(edit.patch.full_name).toBe('Después Del Movimiento');
	});

	it('keeps no rows it cannot vouch for: a held card at a newer version is not overwritten by an older read', async () => {
		const model = boardModels(t.db).model(o.org.id);
		const card = await makeCard(t.db, o.org.id);
		const [v1] = (await getCardsByIds(t.db, [card.id])).values();
		await t.db.query(`update installations set full_name = 'Versión Dos' where id = $1`, [card.id]);
		const [v2] = (await getCardsByIds(t.db, [card.id])).values();
		model.put(v2);
		model.put(v1);
		expect(model.row(card.id)?.fullName).toBe('Versión Dos');
		expect(model.row(card.id)?.version).toBe(v2.version);
	});
});

async function waitFor(ok: () => boolean, ms = 60_000) {
	const until = Date.now() + ms;
	while (!ok()) {
		if (Date.now() > until) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 20));
	}
}
