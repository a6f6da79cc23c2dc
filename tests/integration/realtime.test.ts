import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { emitAck, startRealtime, waitFor, waitForCard, type TestSocket } from './support/realtime';
import type { BoardCard, CardEvent } from '$lib/types/board';
import { boardSnapshot } from '$lib/server/services/board';

type Org = Awaited<ReturnType<typeof makeOrg>>;

describe.each(drivers)('realtime board on %s', (driver) => {
	let t: TestDatabase;
	let rt: Awaited<ReturnType<typeof startRealtime>>;
	let o: Org;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		rt = await startRealtime(t.db);
		o = await makeOrg(t.db);
	});
	afterAll(async () => {
		await rt.close();
		await t.cleanup();
	});

	it('refuses a socket without a valid session, and a cross-site handshake', async () => {
		await expect(rt.connectWithCookie(null)).rejects.toThrow(/Sesión no válida/);
		await expect(rt.connectWithCookie('session=abcdefghijklmnopqrstuvwxyz234567')).rejects.toThrow(/Sesión no válida/);
		await expect(rt.connectAs(o.agent, { origin: 'https://malicioso.example' })).rejects.toThrow();
	});

	it('a move by one client reaches another with the new card and version', async () => {
		const a = await rt.connectAs(o.coordinator);
		const b = await rt.connectAs(o.agent);
		const card = await makeCard(t.db, o.org.id, { stage: 'cobertura_confirmada' });
		const seen = waitForCard(b, (e) => e.cardId === card.id && e.kind === 'card:moved');
		const res = await emitAck(a, 'card:move', { cardId: card.id, toStage: 'preinstalacion', version: card.version });
		expect(res.ok).toBe(true);
		const ev = await seen;
		expect(ev.card?.stage).toBe('preinstalacion');
		expect(ev.actorId).toBe(o.coordinator.id);
		expect(ev.version).toBe(res.ok ? res.card.version : -1);
	});

	it('a refused move answers with the reasons and changes nothing', async () => {
		const a = await rt.connectAs(o.agent);
		const card = await makeCard(t.db, o.org.id);
		const res = await emitAck(a, 'card:move', { cardId: card.id, toStage: 'agendada', version: 1 });
		expect(res.ok).toBe(false);
		if (!res.ok) expect(res.reasons.length).toBeGreaterThan(2);
	});

	it('drops a malformed payload without killing the connection', async () => {
		const a = await rt.connectAs(o.agent);
		const res = await emitAck(a, 'card:move', { cardId: 42, toStage: null } as never);
		expect(res.ok).toBe(false);
		const beat = await emitAck(a, 'heartbeat', undefined as never);
		expect(beat.lastSeq).toBeGreaterThan(0);
		expect(a.connected).toBe(true);
	});

	it('broadcasts a change made outside the app with plain SQL', async () => {
		const b = await rt.connectAs(o.agent);
		const card = await makeCard(t.db, o.org.id);
		const seen = waitForCard(b, (e) => e.cardId === card.id && e.card?.fullName === 'Nombre Desde Sql');
		await t.db.query(`update installations set full_name = 'Nombre Desde Sql' where id = $1`, [card.id]);
		const ev = await seen;
		expect(ev.version).toBe(card.version + 1);
	});

	it('a card deleted with plain SQL leaves an open board, live and on catch-up', async () => {
		const b = await rt.connectAs(o.agent);
		const card = await makeCard(t.db, o.org.id, { full_name: 'Se Borrará' });
		const before = await emitAck(b, 'heartbeat', undefined as never);
		const gone = waitForCard(b, (e) => e.cardId === card.id && e.kind === 'card:deleted');
		await t.db.query('delete from installations where id = $1', [card.id]);
		// The board holds the card at its last version: the deletion must come after it.
		expect((await gone).version).toBeGreaterThan(card.version);
		const since = await emitAck(b, 'board:since', { lastSeq: before.lastSeq });
		const event = 'events' in since ? since.events.find((e) => e.cardId === card.id) : undefined;
		expect(event).toMatchObject({ card: null, kind: 'card:deleted' });
		expect(event!.version).toBeGreaterThan(card.version);
	});

	it('changes that arrive together reach a board in one frame, in seq order, also for a technician', async () => {
		const board = await rt.connectAs(o.agent);
		const tech = await rt.connectAs(o.technician);
		const created = waitForCard(board, (e) => e.kind === 'card:created' && e.card?.fullName === 'Último Del Lote');
		const cards = await Promise.all(Array.from({ length: 4 }, () => makeCard(t.db, o.org.id, { stage: 'asignada' })));
		cards.push(await makeCard(t.db, o.org.id, { stage: 'asignada', full_name: 'Último Del Lote' }));
		await created;
		const ids = cards.map((c) => c.id);
		const frames: CardEvent[][] = [];
		const techEvents: CardEvent[] = [];
		board.on('cards:changed', (events) => frames.push(events.filter((e) => ids.includes(e.cardId))));
		tech.on('cards:changed', (events) => techEvents.push(...events.filter((e) => e.cardId === ids[0])));
		const last = waitForCard(board, (e) => e.cardId === ids[0] && e.version === cards[0].version + 3);
		// One transaction: its notifications are delivered together at commit. The first card goes to
		// the technician and away again within that batch.
		await t.db.begin(async (tx) => {
			await tx.query(`update installations set full_name = 'Lote ' || folio where id = any($1::uuid[])`, [ids]);
			await tx.query(`update installations set technician_id = $2 where id = $1`, [ids[0], o.technician.id]);
			await tx.query(`update installations set technician_id = null where id = $1`, [ids[0]]);
		});
		await last;
		// The five renames share a frame (a card leaving a technician's scope closes a frame, so
		// the tail may follow in another), and nothing is out of order.
		expect(frames[0].length).toBeGreaterThanOrEqual(5);
		const seqs = frames.flat().map((e) => e.seq);
		expect(seqs).toHaveLength(7);
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
		// The technician's last word on the card is that it left their scope (an id-only event).
		await new Promise((r) => setTimeout(r, 100));
		expect(techEvents.length).toBeGreaterThan(0);
		expect(techEvents.at(-1)!.card).toBeNull();
		expect(techEvents.map((e) => e.seq)).toEqual(techEvents.map((e) => e.seq).sort((a, b) => a - b));
	});

	it('a technician never receives cards outside their scope', async () => {
		const tech = await rt.connectAs(o.technician);
		const got: CardEvent[] = [];
		tech.on('cards:changed', (events) => got.push(...events));
		const arrived = waitForCard(tech, (e) => e.card?.fullName === 'Para El Técnico');
		const mine = await makeCard(t.db, o.org.id, { stage: 'asignada', technician_id: o.technician.id, full_name: 'Para El Técnico' });
		const theirs = await makeCard(t.db, o.org.id, { stage: 'asignada', full_name: 'De Otro Técnico' });
		await t.db.query(`update installations set full_name = 'Sigue Ajena' where id = $1`, [theirs.id]);
		expect((await arrived).cardId).toBe(mine.id);
		await new Promise((r) => setTimeout(r, 300));
		expect(got.some((e) => e.card && e.cardId === theirs.id)).toBe(false);
		expect(JSON.stringify(got)).not.toContain('Ajena');
		const since = await emitAck(tech, 'board:since', { lastSeq: 0 });
		const cards = 'events' in since ? since.events.map((e) => e.card).filter(Boolean) : 'snapshot' in since ? since.snapshot.cards : [];
		expect((cards as BoardCard[]).every((c) => c.technicianId === o.technician.id)).toBe(true);
	});

	it('a client offline while 100 changes happen catches up to exactly the server state', async () => {
		const org = await makeOrg(t.db);
		const cards = [];
		for (let i = 0; i < 10; i++) cards.push(await makeCard(t.db, org.org.id, { full_name: `Cliente ${i}` }));
		const client = await rt.connectAs(org.agent);
		const start = await emitAck(client, 'heartbeat', undefined as never);
		const state = new Map<string, BoardCard>((await boardSnapshot(t.db, org.agent)).cards.map((c) => [c.id, c]));
		client.disconnect();

		const mover = await rt.connectAs(org.coordinator);
		for (let i = 0; i < 100; i++) {
			const card = cards[i % cards.length];
			if (i % 3 === 0) {
				await t.db.query(`update installations set full_name = $2 where id = $1`, [card.id, `Cliente ${i % 10} v${i}`]);
			} else {
				const res = await emitAck(mover, 'card:move', {
					cardId: card.id,
					toStage: 'preinstalacion',
					beforeId: cards[(i * 7) % cards.length].id === card.id ? null : cards[(i * 7) % cards.length].id,
					version: 1
				});
				expect(res.ok).toBe(true);
			}
		}

		const again = await rt.connectAs(org.agent);
		const since = await emitAck(again, 'board:since', { lastSeq: start.lastSeq });
		expect('events' in since).toBe(true);
		if (!('events' in since)) return;
		for (const e of since.events) {
			const held = state.get(e.cardId);
			if (e.card && (!held || e.version > held.version)) state.set(e.cardId, e.card);
		}
		const server = (await boardSnapshot(t.db, org.agent)).cards;
		const strip = (c: BoardCard) => ({ ...c, stageChangedAt: undefined });
		expect([...state.values()].map(strip).sort((x, y) => x.position - y.position)).toEqual(server.map(strip));
		expect(since.lastSeq).toBeGreaterThan(start.lastSeq);
	});

	it('shows who is viewing the board and which card they have open, and forgets them when they leave', async () => {
		const org = await makeOrg(t.db);
		const card = await makeCard(t.db, org.org.id);
		const watcher = await rt.connectAs(org.coordinator);
		const ana = await rt.connectAs(org.agent);
		const opened = waitFor<{ userId: string; cardId: string | null }[]>(watcher, 'presence:update', (list) =>
			list.some((p) => p.userId === org.agent.id && p.cardId === card.id)
		);
		ana.emit('presence:open', { cardId: card.id });
		await opened;
		const gone = waitFor<{ userId: string }[]>(watcher, 'presence:update', (list) => !list.some((p) => p.userId === org.agent.id));
		ana.disconnect();
		expect((await gone).some((p) => p.userId === org.coordinator.id)).toBe(true);
	});

	it('ends the sockets of a deactivated user at once', async () => {
		const org = await makeOrg(t.db);
		const s: TestSocket = await rt.connectAs(org.agent);
		const ended = waitFor<string>(s, 'session:ended');
		const { updateUser } = await import('$lib/server/services/users');
		await updateUser(t.db, org.admin, { id: org.agent.id, active: 'false' });
		expect(await ended).toMatch(/sesión terminó/);
	});
});

describe.each(drivers)('event retention on %s', (driver) => {
	it('prunes old board events and then answers a stale client with a snapshot', async () => {
		const t = await freshDatabase(driver);
		try {
			const o = await makeOrg(t.db);
			const card = await makeCard(t.db, o.org.id);
			await t.db.query(`update installations set full_name = 'Otra Vez' where id = $1`, [card.id]);
			await t.db.query(`update board_events set created_at = now() - interval '30 days' where org_id = $1`, [o.org.id]);
			const { pruneEvents } = await import('$lib/server/realtime/fanout');
			const { eventsSince } = await import('$lib/server/realtime/catch-up');
			await pruneEvents(t.db);
			await t.db.query(`update installations set full_name = 'Tercera' where id = $1`, [card.id]);
			const res = await eventsSince(t.db, o.agent, 1);
			expect('snapshot' in res).toBe(true);
			if ('snapshot' in res) expect(res.snapshot.cards.find((c) => c.id === card.id)?.fullName).toBe('Tercera');
		} finally {
			await t.cleanup();
		}
	});
});
