// The technician's offline queue on the server: each key applied once (a replay after a lost
// answer gets the first answer), office edits never overwritten, «Llegué» recorded once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { jpegWithGps, tempStorage } from './support/documents';
import { applyQueuedAction, uploadQueuedPhoto } from '$lib/server/services/technician-sync';
import { getJob } from '$lib/server/services/technician';

type Org = Awaited<ReturnType<typeof makeOrg>>;

describe.each(drivers)('technician offline queue on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	const store = tempStorage();
	const job = () => makeCard(t.db, o.org.id, { stage: 'asignada', technician_id: o.technician.id, full_name: 'Rosa Cauich' });
	const count = async (sql: string, params: unknown[]) => (await t.db.query<{ n: number }>(sql, params))[0].n;

	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(async () => {
		await t.cleanup();
		store.cleanup();
	});

	it('applies a key once: the replay gets the first answer and writes nothing', async () => {
		const card = await job();
		const key = randomUUID();
		const action = { kind: 'campos', key, fields: { cpeMac: 'aa-bb-cc-dd-ee-ff' }, base: { cpeMac: null } };
		const first = await applyQueuedAction(t.db, o.technician, card.id, action);
		const [{ version }] = await t.db.query<{ version: number }>('select version from installations where id = $1', [card.id]);
		const again = await applyQueuedAction(t.db, o.technician, card.id, action);
		expect(again).toEqual(first);
		expect((await getJob(t.db, o.technician, card.id)).fields.cpeMac).toBe('AA:BB:CC:DD:EE:FF');
		const [after] = await t.db.query<{ version: number }>('select version from installations where id = $1', [card.id]);
		expect(after.version).toBe(version);
		// The same key for another job is a client bug: refused, nothing written.
		const otherCard = await job();
		await expect(applyQueuedAction(t.db, o.technician, otherCard.id, action)).rejects.toMatchObject({ status: 409 });
		expect((await getJob(t.db, o.technician, otherCard.id)).fields.cpeMac).toBeNull();
	});

	it('keeps a field the office changed meanwhile and reports both values; the rest is applied', async () => {
		const card = await job();
		await t.db.query(`update installations set router_model = 'Oficina X1' where id = $1`, [card.id]);
		const res = await applyQueuedAction(t.db, o.technician, card.id, {
			kind: 'campos',
			key: randomUUID(),
			fields: { routerModel: 'Archer C6', dni: 'DNI-1' },
			base: { routerModel: null, dni: null }
		});
		expect(res).toMatchObject({ kind: 'campos', conflicts: [{ field: 'routerModel', office: 'Oficina X1', mine: 'Archer C6' }] });
		const detail = await getJob(t.db, o.technician, card.id);
		expect(detail.fields).toMatchObject({ routerModel: 'Oficina X1', dni: 'DNI-1' });
		// «Usar mi valor»: sent again on the office's value, it applies.
		await applyQueuedAction(t.db, o.technician, card.id, {
			kind: 'campos',
			key: randomUUID(),
			fields: { routerModel: 'Archer C6' },
			base: { routerModel: 'Oficina X1' }
		});
		expect((await getJob(t.db, o.technician, card.id)).fields.routerModel).toBe('Archer C6');
	});

	it('«Llegué» keeps the first arrival and its coordinates; bad coordinates are refused', async () => {
		const card = await job();
		const at = new Date(Date.now() - 3_600_000).toISOString();
		await applyQueuedAction(t.db, o.technician, card.id, { kind: 'llegada', key: randomUUID(), at, coords: { lat: 21.16, lng: -86.83 } });
		await applyQueuedAction(t.db, o.technician, card.id, {
			kind: 'llegada',
			key: randomUUID(),
			at: new Date().toISOString(),
			coords: null
		});
		const detail = await getJob(t.db, o.technician, card.id);
		expect(detail.arrivedAt).toBe(at);
		expect(detail.arrivedCoords).toEqual({ lat: 21.16, lng: -86.83 });
		const other = await job();
		await expect(
			applyQueuedAction(t.db, o.technician, other.id, { kind: 'llegada', key: randomUUID(), at, coords: { lat: 200, lng: 0 } })
		).rejects.toMatchObject({ status: 400 });
		expect((await getJob(t.db, o.technician, other.id)).arrivedAt).toBeNull();
	});

	it('a photo sent twice with one key is stored once; another technician or the office is refused', async () => {
		const card = await job();
		const bytes = await jpegWithGps(2600, 1200);
		const key = randomUUID();
		const send = (user = o.technician) =>
			uploadQueuedPhoto(t.db, user, { installationId: card.id, key, fileName: 'foto.jpg', bytes }, store.storage);
		const first = await send();
		expect(await send()).toEqual(first);
		const photos = `select count(*)::int as n from files where installation_id = $1 and category = 'foto_instalacion'`;
		expect(await count(photos, [card.id])).toBe(1);
		await expect(send(o.coordinator)).rejects.toMatchObject({ status: 403 });
		await expect(
			uploadQueuedPhoto(t.db, o.technician, { installationId: card.id, key: 'no-es-clave', fileName: 'f.jpg', bytes }, store.storage)
		).rejects.toMatchObject({ status: 400 });
		expect(await count(photos, [card.id])).toBe(1);
	});

	it('completing twice (a replay) gives the first answer', async () => {
		const card = await job();
		const key = randomUUID();
		const first = await applyQueuedAction(t.db, o.technician, card.id, { kind: 'completar', key });
		expect(await applyQueuedAction(t.db, o.technician, card.id, { kind: 'completar', key })).toEqual(first);
		expect(await count('select count(*)::int as n from applied_actions where key = $1', [key])).toBe(1);
	});
});
