// While the fan-out listens, a snapshot comes from the provider's read model after one cheap
// check (the events after its seq). These tests make sure that shortcut never serves a board that
// misses a committed change.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { boardSnapshot } from '$lib/server/services/board';
import { startFanout } from '$lib/server/realtime/fanout';

type Org = Awaited<ReturnType<typeof makeOrg>>;

describe.each(drivers)('board state while listening on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	let zoneId: string;
	let stop: (() => Promise<void>) | null = null;
	/** Statements the app sent, to tell a full read of the board (listBoard) from the short check. */
	const sent: string[] = [];
	const fullReads = () => sent.filter((s) => s.includes('order by i.stage, i.position')).length;

	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		[{ id: zoneId }] = await t.db.query<{ id: string }>(
			`insert into zones (org_id, name, payment_day, billing_mode) values ($1, 'RB1 NORTE', 5, 'prepago') returning id`,
			[o.org.id]
		);
		const query = t.db.query.bind(t.db);
		t.db.query = (text, params) => {
			sent.push(text);
			return query(text, params);
		};
	});
	beforeEach(async () => {
		stop = await startFanout(new Server(), t.db);
	});
	afterEach(async () => {
		await stop?.();
		stop = null;
	});
	afterAll(async () => t.cleanup());

	const byId = async () => new Map((await boardSnapshot(t.db, o.admin)).cards.map((c) => [c.id, c]));

	it('reads an unchanged board once, and every change made outside the app shows at once', async () => {
		const a = await makeCard(t.db, o.org.id, { zone_id: zoneId });
		const b = await makeCard(t.db, o.org.id);
		await byId();
		let reads = fullReads();
		const again = await boardSnapshot(t.db, o.admin);
		expect(fullReads()).toBe(reads); // the short check only
		expect(again.cards.map((c) => c.id)).toEqual(expect.arrayContaining([a.id, b.id]));

		// Plain SQL, read back before any notification could be handled.
		await t.db.query(`update installations set full_name = 'Nombre Cambiado Por SQL' where id = $1`, [a.id]);
		expect((await byId()).get(a.id)?.fullName).toBe('Nombre Cambiado Por SQL');
		await t.db.query(`update zones set name = 'RB1 NORTE NUEVA' where id = $1`, [zoneId]);
		expect((await byId()).get(a.id)?.zoneName).toBe('RB1 NORTE NUEVA');
		await t.db.query('delete from installations where id = $1', [b.id]);
		expect((await byId()).has(b.id)).toBe(false);

		// None of that read the whole board again: the model re-read only the changed cards.
		expect(fullReads()).toBe(reads);
		reads = fullReads();
		await byId();
		expect(fullReads()).toBe(reads);
	});

	it('reads the whole state on every snapshot when nothing listens', async () => {
		await stop?.();
		stop = null;
		const reads = fullReads();
		await byId();
		await byId();
		expect(fullReads()).toBe(reads + 2);
	});

	it.runIf(driver === 'postgres')('a LISTEN that reconnects makes the next snapshot read the whole state', async () => {
		// Notifications sent while the listener was away are lost: the state can't be trusted.
		const listeners = () =>
			t.db.query<{ pid: number }>(
				`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`
			);
		await byId();
		await byId();
		const [before] = await listeners();
		expect(before).toBeDefined();
		const reads = fullReads();
		await t.db.query('select pg_terminate_backend($1)', [before.pid]);
		const until = Date.now() + 5000;
		for (;;) {
			const now = await listeners();
			if (now.length && now[0].pid !== before.pid) break;
			if (Date.now() > until) throw new Error('the LISTEN never came back');
			await new Promise((r) => setTimeout(r, 20));
		}
		await new Promise((r) => setTimeout(r, 50)); // postgres.js tells us after LISTEN answers
		await byId();
		expect(fullReads()).toBe(reads + 1);
	});

	it.runIf(driver === 'postgres')('a change committed after a newer one still reaches the next snapshots', async () => {
		const a = await makeCard(t.db, o.org.id);
		const b = await makeCard(t.db, o.org.id);
		await byId();
		// The first transaction takes its event seq, then waits while a second one commits.
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		let updated!: () => void;
		const first = t.db.begin(async (tx) => {
			await tx.query(`update installations set full_name = 'Primero En Llegar' where id = $1`, [a.id]);
			updated();
			await held;
		});
		await new Promise<void>((r) => (updated = r));
		await t.db.query(`update installations set full_name = 'Segundo En Llegar' where id = $1`, [b.id]);
		const middle = await byId();
		expect(middle.get(b.id)?.fullName).toBe('Segundo En Llegar');
		expect(middle.get(a.id)?.fullName).not.toBe('Primero En Llegar');
		release();
		await first;
		// Its seq is older than the newest one, so only its notification tells the board moved on.
		const until = Date.now() + 3000;
		while ((await byId()).get(a.id)?.fullName !== 'Primero En Llegar') {
			if (Date.now() > until) throw new Error('the late commit never reached the snapshot');
			await new Promise((r) => setTimeout(r, 20));
		}
	});
});
