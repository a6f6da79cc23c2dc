import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg, sessionUserOf } from './support/factories';
import { makeCatalog } from './support/card-fixtures';
import { startRealtime, waitForCard } from './support/realtime';
import { completeJob, getJob, listJobs, saveJobFields } from '$lib/server/services/technician';
import { createUser } from '$lib/server/services/users';
import { todayIn } from '$lib/domain/dates';

type Org = Awaited<ReturnType<typeof makeOrg>>;
let phone = 9_970_000_000;

describe.each(drivers)('technician view on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	let other: Org['technician'];
	let catalog: Awaited<ReturnType<typeof makeCatalog>>;
	const today = todayIn('America/Cancun');

	/** A card that meets every stage rule up to "asignada", for the given technician. */
	async function readyCard(technicianId: string, fields: Record<string, unknown> = {}) {
		const p = String(phone++);
		const card = await makeCard(t.db, o.org.id, {
			stage: 'asignada',
			full_name: 'Rosa Elena Cauich Poot',
			phone: p,
			phone_alt: String(phone++),
			email: 'rosa@correo.mx',
			addr_sm: '12',
			addr_mz: '3',
			addr_lt: '4',
			addr_ext: '10',
			addr_street: 'Calle 5',
			addr_colonia: 'Región 92',
			addr_city: 'Cancún',
			lat: 21.16,
			lng: -86.83,
			zone_id: catalog.zoneId,
			service_type: 'fibra',
			plan_id: catalog.basico,
			contract_type: 'indefinido',
			customer_accepted_at: new Date().toISOString(),
			installation_date: today,
			billing: '{}',
			technician_id: technicianId,
			pppoe_user: p,
			pppoe_password: `${p}M`,
			wifi_password: 'cauich2024MB',
			ip: `10.30.9.${phone % 250}`,
			route_order: 2,
			...fields
		});
		for (const category of ['ine_frontal', 'ine_atras', 'comprobante_domicilio']) {
			await t.db.query(
				`insert into files (org_id, installation_id, category, name, mime, size_bytes, sha256, storage_key) values ($1, $2, $3, $3, 'image/jpeg', 1, 'x', 'k')`,
				[o.org.id, card.id, category]
			);
		}
		// A file is something the card shows, so each one bumped its version: hand back the version it has now.
		const [{ version }] = await t.db.query<{ version: number }>('select version from installations where id = $1', [card.id]);
		return { ...card, version };
	}

	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		catalog = await makeCatalog(t.db, o.org.id);
		const u = await createUser(t.db, o.admin, {
			name: 'Otro Técnico',
			email: `otro-${Date.now()}@prueba.mx`,
			role: 'technician',
			password: 'contraseña-de-prueba-1'
		});
		other = await sessionUserOf(t.db, u.id);
	});
	afterAll(() => t.cleanup());

	it('a technician sees only their own jobs, in route order; other roles are refused', async () => {
		const second = await readyCard(o.technician.id, { route_order: 2, full_name: 'Segundo En Ruta' });
		const first = await readyCard(o.technician.id, { route_order: 1, full_name: 'Primero En Ruta' });
		const later = await readyCard(o.technician.id, { route_order: 1, full_name: 'Mañana Temprano', installation_date: '2099-01-01' });
		const theirs = await readyCard(other.id, { full_name: 'Trabajo Ajeno' });
		const { jobs } = await listJobs(t.db, o.technician);
		const ids = jobs.map((j) => j.id);
		expect(ids).toEqual(expect.arrayContaining([first.id, second.id, later.id]));
		expect(ids).not.toContain(theirs.id);
		expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
		expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(later.id));
		expect(JSON.stringify(jobs)).not.toContain('Ajeno');
		// The list is small: no credentials travel in it.
		expect(JSON.stringify(jobs)).not.toContain('2024MB');
		await expect(listJobs(t.db, o.coordinator)).rejects.toMatchObject({ status: 403 });
		await expect(getJob(t.db, o.technician, theirs.id)).rejects.toMatchObject({ status: 404 });
		const detail = await getJob(t.db, o.technician, first.id);
		expect(detail).toMatchObject({
			wifiPassword: 'cauich2024MB',
			fullName: 'Primero En Ruta',
			addressParts: { sm: '12', colonia: 'Región 92' }
		});
		expect(detail.address).toContain('SM 12');
	});

	it('saves the installer’s fields on their own card only, with Spanish validation', async () => {
		const mine = await readyCard(o.technician.id);
		const theirs = await readyCard(other.id);
		await expect(saveJobFields(t.db, o.technician, theirs.id, { cpeMac: 'AA:BB:CC:DD:EE:FF' })).rejects.toMatchObject({ status: 404 });
		const bad = await saveJobFields(t.db, o.technician, mine.id, { cpeMac: 'no-es-mac', onuSerial: 'x' }).catch((e) => e);
		expect(bad.status).toBe(400);
		expect(bad.fieldErrors.cpeMac[0]).toMatch(/MAC debe tener 12 caracteres/);
		expect(bad.fieldErrors.onuSerial[0]).toMatch(/serie de la ONU/);
		const [untouched] = await t.db.query<{ cpe_mac: string | null; version: number }>(
			'select cpe_mac, version from installations where id = $1',
			[theirs.id]
		);
		expect(untouched).toEqual({ cpe_mac: null, version: theirs.version });
		await saveJobFields(t.db, o.technician, mine.id, {
			cpeMac: 'aa-bb-cc-dd-ee-0f',
			dni: 'ABC123',
			routerModel: 'TP-Link C6',
			signalNotes: '-19 dBm'
		});
		await saveJobFields(t.db, o.technician, mine.id, { onuSerial: 'zte gc123456' });
		const [row] = await t.db.query<Record<string, string>>(
			'select cpe_mac, dni, router_model, signal_notes, onu_serial from installations where id = $1',
			[mine.id]
		);
		expect(row).toEqual({
			cpe_mac: 'AA:BB:CC:DD:EE:0F',
			dni: 'ABC123',
			router_model: 'TP-Link C6',
			signal_notes: '-19 dBm',
			onu_serial: 'ZTEGC123456'
		});
	});

	it('refuses to complete without the equipment data and writes nothing', async () => {
		const card = await readyCard(o.technician.id, { sheet_signed_at: new Date().toISOString() });
		const res = await completeJob(t.db, o.technician, card.id);
		expect(res.ok).toBe(false);
		if (!res.ok) expect(res.reasons.join(' ')).toMatch(/MAC del CPE/);
		const [row] = await t.db.query<{ completed_at: string | null; stage: string; version: number }>(
			'select completed_at, stage, version from installations where id = $1',
			[card.id]
		);
		expect(row).toEqual({ completed_at: null, stage: 'asignada', version: card.version });
	});

	it('without a signed sheet it records completion and says what is missing', async () => {
		const card = await readyCard(o.technician.id, { cpe_mac: 'AA:BB:CC:DD:EE:01' });
		const res = await completeJob(t.db, o.technician, card.id);
		expect(res).toMatchObject({ ok: true, stage: 'asignada' });
		if (res.ok) expect(res.reasons.join(' ')).toMatch(/firma de la hoja/);
		const [row] = await t.db.query<{ completed_by: string }>('select completed_by from installations where id = $1', [card.id]);
		expect(row.completed_by).toBe(o.technician.id);
	});

	it('completing a job goes Firmada → Activa and reaches an open board live', async () => {
		const rt = await startRealtime(t.db);
		try {
			const card = await readyCard(o.technician.id, { cpe_mac: 'AA:BB:CC:DD:EE:02', sheet_signed_at: new Date().toISOString() });
			const board = await rt.connectAs(o.coordinator);
			// The move itself: under load the fan-out may read the card once for a batch that still holds
			// the set-up's own events (made with SQL, no author), and each of those then shows it «activa».
			const live = waitForCard(board, (e) => e.cardId === card.id && e.kind === 'card:moved' && e.card?.stage === 'activa', 3000);
			const res = await completeJob(t.db, o.technician, card.id);
			expect(res).toEqual({ ok: true, stage: 'activa', reasons: [] });
			expect((await live).actorId).toBe(o.technician.id);
			const history = await t.db.query<{ to_stage: string }>('select to_stage from stage_history where installation_id = $1 order by id', [
				card.id
			]);
			expect(history.map((h) => h.to_stage)).toEqual(['firmada', 'activa']);
			expect((await completeJob(t.db, o.technician, card.id)).ok).toBe(false);
			await expect(completeJob(t.db, other, card.id)).rejects.toMatchObject({ status: 404 });
		} finally {
			await rt.close();
		}
	});
});
