import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '$lib/server/db/client';
import { moveCard } from '$lib/server/services/moves';
import { runOnce } from '$lib/server/services/wisphub-sync';
import { retryJob } from '$lib/server/services/wisphub';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { connectedProvider, readyCard } from './support/wisphub';
import { startFakeWispHub, type FakeWispHub } from '../wisphub-fake/fake';

process.env.WISPHUB_RETRY_BASE_MS = '20';

type Provider = Awaited<ReturnType<typeof connectedProvider>>;

async function move(db: Database, p: Provider, cardId: string, toStage: string) {
	const [{ version }] = await db.query<{ version: number }>('select version from installations where id = $1', [cardId]);
	const r = await moveCard(db, p.coordinator, { cardId, toStage, version, overrideReason: 'prueba de sincronización' });
	expect(r.ok, JSON.stringify(r)).toBe(true);
}

const cardSync = async (db: Database, id: string) =>
	(
		await db.query<{ state: string | null; remoteId: string | null; error: string | null }>(
			'select wisphub_state as state, wisphub_id as "remoteId", wisphub_error as error from installations where id = $1',
			[id]
		)
	)[0];

/** Runs worker rounds until the card's sync ends (synced or error), for at most 30 s. */
async function untilSettled(db: Database, id: string, run = () => runOnce(db)) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		await run();
		const s = await cardSync(db, id);
		if (s.state === 'sincronizado' || s.state === 'error') return s;
		if (Date.now() > deadline) throw new Error(`sin terminar: ${JSON.stringify(s)}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

const posts = (fake: FakeWispHub) => fake.state.calls.filter((c) => c.method === 'POST').length;

describe.each(drivers)('WispHub sync through the outbox (%s)', (driver) => {
	let t: TestDatabase;
	let fake: FakeWispHub;
	let p: Provider;

	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(() => t.cleanup());
	beforeEach(async () => {
		fake = startFakeWispHub({ taskDelayMs: 100 });
		await fake.ready;
		p = await connectedProvider(t.db, fake.url);
	});
	afterEach(() => fake.close());

	it('a card entering «asignada» becomes exactly one WispHub installation with the card’s data', async () => {
		const card = await readyCard(t.db, p);
		await move(t.db, p, card.id, 'asignada');
		expect((await cardSync(t.db, card.id)).state).toBe('pendiente');
		const s = await untilSettled(t.db, card.id);
		expect(s.state).toBe('sincronizado');
		expect(fake.state.installations).toHaveLength(1);
		const [inst] = fake.state.installations;
		expect(s.remoteId).toBe(String(inst.id_servicio));
		expect(inst.zona).toBe(3);
		expect(inst.instalacion).toBe(true);
		const [row] = await t.db.query<{ phone: string }>('select phone from installations where id = $1', [card.id]);
		expect(inst.fields).toMatchObject({
			usuario_rb: row.phone,
			password_servicio: `${row.phone}M`,
			password_router_wifi: 'perez2024MB',
			ip: expect.stringMatching(/^10\.20\.0\.\d+$/),
			plan_internet: 10,
			tecnico: 20,
			nombre: 'María José',
			apellidos: 'Pérez López',
			email: expect.stringMatching(/@correo\.mx$/),
			direccion: 'SM 12, MZ 3, LT 4, #10, Calle Tulipanes, Fracc Jardines, Cancún',
			localidad: 'Fracc Jardines',
			ciudad: 'Cancún',
			telefono: `${row.phone}, 9981112233`,
			coordenadas: '21.1619,-86.8515',
			comentarios: 'Casa azul, portón negro',
			costo_instalacion: 1200,
			fecha_instalacion: '2026-12-10',
			estado_instalacion: 1
		});
		// Moving it away and back does not create it again.
		await move(t.db, p, card.id, 'agendada');
		await move(t.db, p, card.id, 'asignada');
		await runOnce(t.db);
		await runOnce(t.db);
		expect(fake.state.installations).toHaveLength(1);
		expect(posts(fake)).toBe(1);
		expect(await t.db.query('select 1 from wisphub_jobs where installation_id = $1', [card.id])).toHaveLength(1);
	});

	it('WispHub failing the first 3 calls still ends with exactly one installation', async () => {
		fake.options.failFirst = 3;
		const card = await readyCard(t.db, p);
		await move(t.db, p, card.id, 'asignada');
		const s = await untilSettled(t.db, card.id);
		expect(s.state).toBe('sincronizado');
		expect(fake.state.failed).toBe(3);
		expect(fake.state.installations).toHaveLength(1);
	});

	it('a 400 shows WispHub’s message on the card and is not retried until someone presses «Reintentar»', async () => {
		const card = await readyCard(t.db, p);
		const [{ phone }] = await t.db.query<{ phone: string }>('select phone from installations where id = $1', [card.id]);
		// The PPPoE user already exists in WispHub.
		fake.state.installations.push({ id_servicio: 1, zona: 3, instalacion: true, fields: { usuario_rb: phone } });
		await move(t.db, p, card.id, 'asignada');
		const s = await untilSettled(t.db, card.id);
		expect(s.state).toBe('error');
		expect(s.error).toContain('Ya existe un servicio con este usuario');
		const sent = posts(fake);
		await runOnce(t.db);
		await runOnce(t.db);
		expect(posts(fake)).toBe(sent);
		// Fixed in WispHub; the admin retries.
		fake.state.installations.length = 0;
		const [job] = await t.db.query<{ id: string }>('select id from wisphub_jobs where installation_id = $1', [card.id]);
		await retryJob(t.db, p.admin, { id: job.id });
		expect((await untilSettled(t.db, card.id)).state).toBe('sincronizado');
		expect(fake.state.installations).toHaveLength(1);
	});

	it('a card lacking what WispHub requires stops with a Spanish reason instead of sending', async () => {
		const card = await readyCard(t.db, p);
		await t.db.query('update installations set ip = null where id = $1', [card.id]);
		await move(t.db, p, card.id, 'asignada');
		const s = await untilSettled(t.db, card.id);
		expect(s).toMatchObject({ state: 'error', error: 'Faltan datos para WispHub: la IP.' });
		expect(posts(fake)).toBe(0);
	});

	it('with the integration off (the default) a move queues nothing', async () => {
		const other = await connectedProvider(t.db, fake.url);
		await t.db.query('update wisphub_connections set enabled = false where org_id = $1', [other.org.id]);
		const card = await readyCard(t.db, other);
		await move(t.db, other, card.id, 'asignada');
		expect(await t.db.query('select 1 from wisphub_jobs where installation_id = $1', [card.id])).toHaveLength(0);
		expect((await cardSync(t.db, card.id)).state).toBeNull();
	});

	it('switching the integration off pauses what is queued; switching it on sends it', async () => {
		const card = await readyCard(t.db, p);
		await move(t.db, p, card.id, 'asignada');
		await t.db.query('update wisphub_connections set enabled = false where org_id = $1', [p.org.id]);
		await runOnce(t.db);
		expect(posts(fake)).toBe(0);
		expect((await cardSync(t.db, card.id)).state).toBe('pendiente');
		await t.db.query('update wisphub_connections set enabled = true where org_id = $1', [p.org.id]);
		expect((await untilSettled(t.db, card.id)).state).toBe('sincronizado');
	});

	it('two workers at once never send the same job twice', async () => {
		fake.options.slowMs = 150;
		const cards = await Promise.all(Array.from({ length: 6 }, () => readyCard(t.db, p)));
		for (const c of cards) await move(t.db, p, c.id, 'asignada');
		// On PostgreSQL the second worker has connections of its own, as another instance would.
		const second = t.url ? await openDatabase({ url: t.url, maxConnections: 4 }) : t.db;
		try {
			const deadline = Date.now() + 60_000;
			const worker = async (db: Database) => {
				while (Date.now() < deadline) {
					await runOnce(db, 2);
					const [{ open }] = await t.db.query<{ open: number }>(
						`select count(*)::int as open from wisphub_jobs where org_id = $1 and state <> 'sincronizado'`,
						[p.org.id]
					);
					if (open === 0) return;
					await new Promise((r) => setTimeout(r, 30));
				}
			};
			await Promise.all([worker(t.db), worker(second)]);
		} finally {
			if (second !== t.db) await second.close();
		}
		expect(posts(fake)).toBe(6);
		expect(fake.state.installations).toHaveLength(6);
		expect(new Set(fake.state.installations.map((i) => i.fields.usuario_rb)).size).toBe(6);
	});
});
