import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg, PASSWORD, sessionUserOf } from './support/factories';
import { emitAck, startRealtime, waitForCard } from './support/realtime';
import { createUser } from '$lib/server/services/users';
import { boardSnapshot } from '$lib/server/services/board';
import { pruneEvents } from '$lib/server/realtime/fanout';
import type { SessionUser } from '$lib/server/auth';
import type { BoardCard, CardEvent } from '$lib/types/board';

type Org = Awaited<ReturnType<typeof makeOrg>>;

/** A technician's board after these events, applied by version as the client does. */
function boardAfter(events: CardEvent[]): Map<string, BoardCard> {
	const cards = new Map<string, BoardCard>();
	const seen = new Map<string, number>();
	for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
		if (e.version <= (seen.get(e.cardId) ?? 0)) continue;
		seen.set(e.cardId, e.version);
		if (e.card) cards.set(e.cardId, e.card);
		else cards.delete(e.cardId);
	}
	return cards;
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
	const end = Date.now() + ms;
	while (!cond()) {
		if (Date.now() > end) throw new Error(`la condición no se cumplió en ${ms} ms`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

const REMOVAL_KEYS = ['actorId', 'card', 'cardId', 'kind', 'seq', 'version'];

describe.each(drivers)('a technician’s socket stays within their cards on %s', (driver) => {
	let t: TestDatabase;
	let rt: Awaited<ReturnType<typeof startRealtime>>;
	let o: Org;
	let other: SessionUser;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		rt = await startRealtime(t.db);
		o = await makeOrg(t.db);
		const u = await createUser(t.db, o.admin, {
			name: 'Otra Técnica',
			email: `tecnica-${Date.now()}@prueba.mx`,
			role: 'technician',
			password: PASSWORD
		});
		other = await sessionUserOf(t.db, u.id);
	});
	afterAll(async () => {
		await rt.close();
		await t.cleanup();
	});

	/** Changes as a coordinator would make them, so the events carry an author. */
	const asCoordinator = (sql: string, params: unknown[]) =>
		t.db.begin(async (tx) => {
			await tx.query(`select set_config('app.actor_id', $1, true)`, [o.coordinator.id]);
			await tx.query(sql, params);
		});

	it('catch-up sends their cards in full, only the removal of cards that left them, nothing about the rest — as the live feed did', async () => {
		const tech = await rt.connectAs(o.technician);
		const live: CardEvent[] = [];
		tech.on('cards:changed', (events) => live.push(...events));
		const me = o.technician.id;
		const mine = await makeCard(t.db, o.org.id, { stage: 'asignada', technician_id: me, full_name: 'Mía Desde El Inicio' });
		const theirs = await makeCard(t.db, o.org.id, { stage: 'asignada', technician_id: other.id, full_name: 'Ajena Siempre' });
		const unassigned = await makeCard(t.db, o.org.id, { full_name: 'Ajena Sin Técnico' });
		const left = await makeCard(t.db, o.org.id, { stage: 'asignada', technician_id: me, full_name: 'Fue Mía' });
		const deleted = await makeCard(t.db, o.org.id, { stage: 'asignada', technician_id: me, full_name: 'Mía Y Borrada' });
		const returned = await makeCard(t.db, o.org.id, { stage: 'asignada', technician_id: me, full_name: 'Se Fue Y Volvió' });
		const swapped = await makeCard(t.db, o.org.id, { stage: 'asignada', technician_id: other.id, full_name: 'Ajena Reasignada' });
		const created = (await emitAck(tech, 'heartbeat', undefined as never)).lastSeq;
		await until(() => [mine, left, deleted, returned].every((c) => live.some((e) => e.cardId === c.id)));

		await asCoordinator(`update installations set full_name = 'Ajena Siempre Editada' where id = $1`, [theirs.id]);
		await asCoordinator(`update installations set full_name = 'Ajena Sin Técnico Editada' where id = $1`, [unassigned.id]);
		await asCoordinator(`update installations set technician_id = $2 where id = $1`, [left.id, other.id]);
		await asCoordinator(`update installations set full_name = 'Fue Mía Ahora Ajena' where id = $1`, [left.id]);
		await asCoordinator(`delete from installations where id = $1`, [deleted.id]);
		await asCoordinator(`update installations set technician_id = $2 where id = $1`, [returned.id, other.id]);
		await asCoordinator(`update installations set technician_id = $2 where id = $1`, [returned.id, me]);
		await asCoordinator(`update installations set technician_id = null where id = $1`, [swapped.id]);
		const last = waitForCard(tech, (e) => e.card?.fullName === 'Mía Al Final');
		await asCoordinator(`update installations set full_name = 'Mía Al Final' where id = $1`, [mine.id]);
		await last;

		const server = new Map((await boardSnapshot(t.db, o.technician)).cards.map((c) => [c.id, c]));
		expect([...server.keys()].sort()).toEqual([mine.id, returned.id].sort());
		// The live feed: their cards, id-only removals, never another card's data.
		expect(boardAfter(live)).toEqual(server);
		for (const e of live.filter((e) => !e.card)) {
			expect(Object.keys(e).sort()).toEqual(REMOVAL_KEYS);
			expect(e).toMatchObject({ kind: 'card:removed', actorId: null, card: null });
		}
		expect(live.some((e) => e.cardId === theirs.id || e.cardId === unassigned.id)).toBe(false);

		const liveIds = new Set(live.map((e) => e.cardId));
		// From nothing, and from where the board stood once every card existed (the technician then
		// held their four): a card reassigned between others since then may have been theirs, so its
		// removal is owed, as the live feed sent it.
		const cases = [
			{ since: 0, held: [] as CardEvent[], removed: [left.id, deleted.id] },
			{ since: created, held: live.filter((e) => e.seq <= created), removed: [left.id, deleted.id, swapped.id] }
		];
		expect(boardAfter(cases[1].held).size).toBe(4);
		for (const { since, held, removed } of cases) {
			const res = await emitAck(tech, 'board:since', { lastSeq: since });
			expect('events' in res).toBe(true);
			if (!('events' in res)) return;
			const full = res.events.filter((e) => e.card);
			expect(full.map((e) => e.cardId).sort()).toEqual([mine.id, returned.id].sort());
			expect(full.every((e) => e.card!.technicianId === me)).toBe(true);
			expect(
				res.events
					.filter((e) => !e.card)
					.map((e) => e.cardId)
					.sort()
			).toEqual(removed.sort());
			for (const e of res.events.filter((e) => !e.card)) {
				expect(Object.keys(e).sort()).toEqual(REMOVAL_KEYS);
				expect(e).toMatchObject({ kind: 'card:removed', actorId: null, card: null });
			}
			expect(JSON.stringify(res)).not.toMatch(/Ajena|Fue Mía|Borrada/);
			expect(JSON.stringify(res)).not.toContain(other.id);
			// Nothing the live feed did not already tell this technician, and the same board in the end.
			expect(res.events.every((e) => liveIds.has(e.cardId))).toBe(true);
			expect(boardAfter([...held, ...res.events])).toEqual(server);
			expect(res.lastSeq).toBeGreaterThanOrEqual(Math.max(...live.map((e) => e.seq)));
		}
	});

	it('a catch-up too old to replay answers with a snapshot of their cards only', async () => {
		const org = await makeOrg(t.db);
		const tech = await rt.connectAs(org.technician);
		const start = await emitAck(tech, 'heartbeat', undefined as never);
		const mine = await makeCard(t.db, org.org.id, { stage: 'asignada', technician_id: org.technician.id, full_name: 'Mía En La Foto' });
		await makeCard(t.db, org.org.id, { stage: 'asignada', full_name: 'Ajena En La Foto' });
		await t.db.query(`update board_events set created_at = now() - interval '30 days' where org_id = $1`, [org.org.id]);
		await pruneEvents(t.db);
		await t.db.query(`update installations set full_name = 'Ajena Tras La Poda' where org_id = $1 and id <> $2`, [org.org.id, mine.id]);
		const res = await emitAck(tech, 'board:since', { lastSeq: start.lastSeq + 1 });
		expect('snapshot' in res).toBe(true);
		if (!('snapshot' in res)) return;
		expect(res.snapshot.cards.map((c) => c.id)).toEqual([mine.id]);
		expect(res.snapshot.totals).toEqual({});
		expect(JSON.stringify(res)).not.toContain('Ajena');
	});
});
