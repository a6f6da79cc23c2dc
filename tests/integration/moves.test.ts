import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { moveCard } from '$lib/server/services/moves';

type Org = Awaited<ReturnType<typeof makeOrg>>;

async function zone(t: TestDatabase, orgId: string) {
	const [z] = await t.db.query<{ id: string }>(
		`insert into zones (org_id, name, payment_day, billing_mode) values ($1, 'RB3 ZONA SUR DÍA 28', 28, 'prepago') returning id`,
		[orgId]
	);
	return z.id;
}

const counts = async (t: TestDatabase, cardId: string) => {
	const [r] = await t.db.query<{ h: number; e: number }>(
		`select (select count(*)::int from stage_history where installation_id = $1) as h,
		        (select count(*)::int from board_events where card_id = $1) as e`,
		[cardId]
	);
	return r;
};

describe.each(drivers)('moves on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(async () => t.cleanup());

	it('refuses a move whose guard fails, with Spanish reasons, and writes nothing', async () => {
		const card = await makeCard(t.db, o.org.id);
		const before = await counts(t, card.id);
		const res = await moveCard(t.db, o.agent, { cardId: card.id, toStage: 'agendada', version: card.version });
		expect(res.ok).toBe(false);
		if (res.ok) return;
		expect(res.reasons.join(' ')).toMatch(/INE frontal/);
		expect(res.reasons.join(' ')).toMatch(/correo/i);
		expect(res.card?.stage).toBe('preinstalacion');
		expect(await counts(t, card.id)).toEqual(before);
	});

	it('enforces role rules: agents stay in the first four stages, technicians only their own cards', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'agendada' });
		const res = await moveCard(t.db, o.agent, { cardId: card.id, toStage: 'asignada', version: 1 });
		expect(res.ok).toBe(false);
		if (!res.ok) {
			expect(res.status).toBe(403);
			expect(res.overridable).toBe(false);
		}
		const other = await makeCard(t.db, o.org.id, { stage: 'asignada' });
		const tech = await moveCard(t.db, o.technician, { cardId: other.id, toStage: 'firmada', version: 1 });
		expect(tech.ok).toBe(false);
		if (!tech.ok) expect(tech.status).toBe(404);
	});

	it('lets a coordinator override with a written reason, recorded in the history', async () => {
		const card = await makeCard(t.db, o.org.id);
		const refused = await moveCard(t.db, o.coordinator, {
			cardId: card.id,
			toStage: 'documentos_pendientes',
			version: 1,
			overrideReason: 'ok'
		});
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.overridable).toBe(true);
		const res = await moveCard(t.db, o.coordinator, {
			cardId: card.id,
			toStage: 'documentos_pendientes',
			version: 1,
			overrideReason: 'El cliente confirmó por teléfono'
		});
		expect(res.ok).toBe(true);
		const [h] = await t.db.query<{ override_reason: string; from_stage: string; user_id: string }>(
			'select override_reason, from_stage, user_id from stage_history where installation_id = $1',
			[card.id]
		);
		expect(h).toEqual({ override_reason: 'El cliente confirmó por teléfono', from_stage: 'preinstalacion', user_id: o.coordinator.id });
	});

	it('moves a card whose data satisfies the guard and records the actor on the board event', async () => {
		const zoneId = await zone(t, o.org.id);
		const card = await makeCard(t.db, o.org.id, { lat: 21.16, lng: -86.85, zone_id: zoneId, service_type: 'fibra' });
		const res = await moveCard(t.db, o.agent, { cardId: card.id, toStage: 'cobertura_confirmada', version: card.version });
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		expect(res.card.stage).toBe('cobertura_confirmada');
		expect(res.card.version).toBeGreaterThan(card.version);
		const [ev] = await t.db.query<{ kind: string; actor_id: string }>('select kind, actor_id from board_events where seq = $1', [res.seq]);
		expect(ev).toEqual({ kind: 'card:moved', actor_id: o.agent.id });
	});

	it('cancelling needs a reason and gives the IP back', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'asignada', ip: '10.9.0.5' });
		const [z] = await t.db.query<{ id: string }>(
			`insert into zones (org_id, name, payment_day, billing_mode) values ($1, 'RB9', 5, 'prepago') returning id`,
			[o.org.id]
		);
		await t.db.query('insert into ip_allocations (org_id, zone_id, installation_id, ip) values ($1, $2, $3, $4)', [
			o.org.id,
			z.id,
			card.id,
			'10.9.0.5'
		]);
		const noReason = await moveCard(t.db, o.coordinator, { cardId: card.id, toStage: 'cancelada', version: 1 });
		expect(noReason.ok).toBe(false);
		const res = await moveCard(t.db, o.coordinator, { cardId: card.id, toStage: 'cancelada', version: 1, cancelReason: 'declino' });
		expect(res.ok).toBe(true);
		const [row] = await t.db.query<{ ip: string | null; cancel_reason: string; n: number }>(
			`select host(ip) as ip, cancel_reason, (select count(*)::int from ip_allocations where installation_id = $1) as n
			 from installations where id = $1`,
			[card.id]
		);
		expect(row).toEqual({ ip: null, cancel_reason: 'declino', n: 0 });
	});

	it('gives concurrent drops at the same spot distinct, ordered positions', async () => {
		const org = await makeOrg(t.db);
		const anchor = await makeCard(t.db, org.org.id, { stage: 'cobertura_confirmada', position: 65536 });
		const zoneId = await zone(t, org.org.id);
		const cards = await Promise.all(
			Array.from({ length: 12 }, () => makeCard(t.db, org.org.id, { lat: 21.1, lng: -86.8, zone_id: zoneId, service_type: 'inalambrico' }))
		);
		const results = await Promise.all(
			cards.map((c) => moveCard(t.db, org.coordinator, { cardId: c.id, toStage: 'cobertura_confirmada', beforeId: anchor.id, version: 1 }))
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const rows = await t.db.query<{ id: string; position: number }>(
			`select id, position from installations where org_id = $1 and stage = 'cobertura_confirmada' order by position`,
			[org.org.id]
		);
		expect(new Set(rows.map((r) => r.position)).size).toBe(rows.length);
		expect(rows.at(-1)!.id).toBe(anchor.id);
	});

	it('renumbers a column whose gap has run out and still drops the card where it was aimed', async () => {
		const org = await makeOrg(t.db);
		// Two neighbours closer together than the smallest gap a position may split.
		const a = await makeCard(t.db, org.org.id, { position: 10 });
		const b = await makeCard(t.db, org.org.id, { position: 10 + 1e-7 });
		const tail = await makeCard(t.db, org.org.id, { position: 20 });
		const card = await makeCard(t.db, org.org.id, { position: 30 });
		const res = await moveCard(t.db, org.coordinator, { cardId: card.id, toStage: 'preinstalacion', beforeId: b.id, version: 1 });
		expect(res.ok).toBe(true);
		const rows = await t.db.query<{ id: string; position: number }>(
			`select id, position from installations where org_id = $1 and stage = 'preinstalacion' order by position`,
			[org.org.id]
		);
		expect(rows.map((r) => r.id)).toEqual([a.id, card.id, b.id, tail.id]);
		expect(rows.map((r) => r.position)).toEqual([65536, 98304, 131072, 196608]);
	});

	it('two people moving the same card at once both apply, in order, and the history has both', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'documentos_pendientes' });
		const [a, b] = await Promise.all([
			moveCard(t.db, o.coordinator, { cardId: card.id, toStage: 'preinstalacion', version: 1 }),
			moveCard(t.db, o.admin, { cardId: card.id, toStage: 'cobertura_confirmada', version: 1, overrideReason: 'revisado en campo' })
		]);
		expect(a.ok && b.ok).toBe(true);
		const history = await t.db.query<{ to_stage: string }>('select to_stage from stage_history where installation_id = $1 order by id', [
			card.id
		]);
		expect(history.map((h) => h.to_stage).sort()).toEqual(['cobertura_confirmada', 'preinstalacion']);
		const [final] = await t.db.query<{ stage: string }>('select stage from installations where id = $1', [card.id]);
		expect(final.stage).toBe(history.at(-1)!.to_stage);
	});

	it('rejects malformed move requests with a Spanish message', async () => {
		await expect(moveCard(t.db, o.admin, { cardId: 'x', toStage: 'luna', version: 'a' })).rejects.toThrow(/no válida|no existe|recarga/);
	});

	it('keeps a strict total order under any sequence of moves (property)', async () => {
		const org = await makeOrg(t.db);
		const cards: { id: string }[] = [];
		for (let i = 0; i < 6; i++) cards.push(await makeCard(t.db, org.org.id));
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.record({ card: fc.nat(5), anchor: fc.nat(5), before: fc.boolean() }), { minLength: 1, maxLength: 15 }),
				async (ops) => {
					for (const op of ops) {
						const anchorId = cards[op.anchor].id;
						if (op.card === op.anchor) continue;
						const res = await moveCard(t.db, org.admin, {
							cardId: cards[op.card].id,
							toStage: 'preinstalacion',
							version: 1,
							...(op.before ? { beforeId: anchorId } : { afterId: anchorId })
						});
						expect(res.ok).toBe(true);
						const rows = await t.db.query<{ id: string }>(
							`select id from installations where org_id = $1 and stage = 'preinstalacion' order by position, id`,
							[org.org.id]
						);
						const ids = rows.map((r) => r.id);
						expect(ids.indexOf(cards[op.card].id) + (op.before ? 1 : -1)).toBe(ids.indexOf(anchorId));
					}
					const pos = await t.db.query<{ position: number }>(`select position from installations where org_id = $1`, [org.org.id]);
					expect(new Set(pos.map((p) => p.position)).size).toBe(pos.length);
				}
			),
			{ numRuns: 8 }
		);
	});
});
