import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCard, makeZone } from './support/scheduling-factories';
import { addAddon, listAddons, removeAddon, updateAddon } from '$lib/server/services/addons';
import { saveConnection } from '$lib/server/services/connection';
import { allocateIp, releaseIp } from '$lib/server/services/ip-allocation';
import { firstOf, rowsOf } from '$lib/server/db/card-tx';

describe.each(drivers)('servicios adicionales en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		await t.db.orm.execute(
			sql`insert into plans (org_id, kind, name, price_cents) values (${org.org.id}, 'telefonia', 'Renta telefónica 300 minutos', 14900),
				(${org.org.id}, 'television', 'Paquete hasta 60 canales', 19900)`
		);
	});
	afterAll(() => t.cleanup());

	it('telefonía toma IP, usuario y contraseña de la instalación y queda pendiente «asignar número real» hasta que soporte lo cambia', async () => {
		const zoneId = await makeZone(t.db, org.org.id, { cidr: '10.70.0.0/29' });
		const card = await makeCard(t.db, org.org.id, { zoneId, phone: '9987654321' });
		await saveConnection(t.db, org.coordinator, { installationId: card, pppoeUser: '9987654321', pppoePassword: '9987654321M' });
		const { ip } = await allocateIp(t.db, org.coordinator, { installationId: card });
		const { id } = await addAddon(t.db, org.coordinator, { installationId: card, kind: 'telefonia' });
		let [phone] = await listAddons(t.db.orm, org.org.id, card);
		expect(phone).toMatchObject({
			ip,
			username: '9987654321',
			password: '9987654321M',
			phoneNumber: '0000000000',
			sipServer: 'sip.proveedor.mx',
			cutService: true,
			planName: 'Renta telefónica 300 minutos',
			router: 'RB-PRUEBA',
			pendingNumber: true
		});
		const bad = await updateAddon(t.db, org.coordinator, { id, phoneNumber: '123', cutService: 'on' }).catch((e) => e);
		expect(bad.message).toBe('El número de teléfono debe tener 10 dígitos.');
		await updateAddon(t.db, org.coordinator, { id, phoneNumber: '9981112233', cutService: 'on' });
		[phone] = await listAddons(t.db.orm, org.org.id, card);
		expect(phone.pendingNumber).toBe(false);
		expect(phone.numberAssignedAt).not.toBeNull();
		await expect(addAddon(t.db, org.agent, { installationId: card, kind: 'television' })).rejects.toMatchObject({ status: 403 });

		const tv = await addAddon(t.db, org.coordinator, { installationId: card, kind: 'television', tvType: 'CATV' });
		const tvRow = (await listAddons(t.db.orm, org.org.id, card)).find((a) => a.id === tv.id)!;
		expect(tvRow).toMatchObject({ tvType: 'CATV', onuSerial: null, planName: 'Paquete hasta 60 canales', pendingNumber: false });
		await removeAddon(t.db, org.coordinator, { id: tv.id });
		expect(await listAddons(t.db.orm, org.org.id, card)).toHaveLength(1);
		const history = await rowsOf<{ kind: string }>(
			t.db.orm,
			sql`select kind from card_history where installation_id = ${card} and kind = 'service'`
		);
		expect(history.length).toBe(4);
	});

	it('releaseIp también funciona dentro de la transacción cruda del servicio de movimientos (db.begin)', async () => {
		const zoneId = await makeZone(t.db, org.org.id, { cidr: '10.71.0.0/29' });
		const card = await makeCard(t.db, org.org.id, { zoneId });
		const { ip } = await allocateIp(t.db, org.coordinator, { installationId: card });
		const released = await t.db.begin((tx) => releaseIp(tx, org.org.id, card));
		expect(released).toBe(ip);
		const row = await firstOf<{ ip: string | null; n: number }>(
			t.db.orm,
			sql`select host(ip) as ip, (select count(*)::int from ip_allocations where installation_id = ${card}) as n from installations where id = ${card}`
		);
		expect(row).toEqual({ ip: null, n: 0 });
	});
});
