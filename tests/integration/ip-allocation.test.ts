import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCard, makeZone } from './support/scheduling-factories';
import { allocateIp, freeIp, releaseIp } from '$lib/server/services/ip-allocation';
import { rowsOf } from '$lib/server/db/card-tx';
import { ServiceError } from '$lib/server/services/errors';
import { isAssignable } from '$lib/domain/ip-pools';

describe.each(drivers)('asignación de IP en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());

	it('50 asignaciones simultáneas dan 50 IP distintas, dentro del rango y sin reservadas', async () => {
		const pool = { cidr: '10.40.0.0/25', reserved: ['10.40.0.1', '10.40.0.2', '10.40.0.10'] };
		const zoneId = await makeZone(t.db, org.org.id, { cidr: pool.cidr, reserved: pool.reserved });
		const cards = [];
		for (let i = 0; i < 50; i++) cards.push(await makeCard(t.db, org.org.id, { zoneId }));
		const results = await Promise.all(cards.map((installationId) => allocateIp(t.db, org.coordinator, { installationId })));
		const ips = results.map((r) => r.ip);
		expect(new Set(ips).size).toBe(50);
		for (const ip of ips) expect(isAssignable(pool, ip)).toBe(true);
		const rows = await rowsOf<{ n: number; mirrored: number }>(
			t.db.orm,
			sql`select count(*)::int as n, count(*) filter (where host(i.ip) = host(a.ip))::int as mirrored
				from ip_allocations a join installations i on i.id = a.installation_id where a.zone_id = ${zoneId}`
		);
		expect(rows[0]).toEqual({ n: 50, mirrored: 50 });
	});

	it('al agotarse el rango da un error claro en español y no escribe nada', async () => {
		const zoneId = await makeZone(t.db, org.org.id, { name: 'RB9 CHICA', cidr: '10.41.0.0/30', reserved: ['10.41.0.1'] });
		const a = await makeCard(t.db, org.org.id, { zoneId });
		const b = await makeCard(t.db, org.org.id, { zoneId });
		expect((await allocateIp(t.db, org.coordinator, { installationId: a })).ip).toBe('10.41.0.2');
		const err = await allocateIp(t.db, org.coordinator, { installationId: b }).catch((e) => e);
		expect(err).toBeInstanceOf(ServiceError);
		expect(err.message).toMatch(/Ya no quedan IP libres en la zona RB9 CHICA/);
		const left = await rowsOf<{ ip: string | null }>(t.db.orm, sql`select host(ip) as ip from installations where id = ${b}`);
		expect(left[0].ip).toBeNull();
	});

	it('una IP elegida que ya tiene otra tarjeta se rechaza nombrando la tarjeta', async () => {
		const zoneId = await makeZone(t.db, org.org.id, { cidr: '10.42.0.0/29' });
		const a = await makeCard(t.db, org.org.id, { zoneId, fullName: 'María Cocom Pat' });
		const b = await makeCard(t.db, org.org.id, { zoneId });
		await allocateIp(t.db, org.coordinator, { installationId: a, ip: '10.42.0.3' });
		const err = await allocateIp(t.db, org.coordinator, { installationId: b, ip: '10.42.0.3' }).catch((e) => e);
		expect(err.message).toMatch(/10\.42\.0\.3 ya está asignada a la instalación #\d+ \(María Cocom Pat\)/);
		const outside = await allocateIp(t.db, org.coordinator, { installationId: b, ip: '10.99.0.3' }).catch((e) => e);
		expect(outside.status).toBe(422);
	});

	it('liberar la IP (cancelación o cambio de zona) la deja disponible otra vez', async () => {
		const zoneId = await makeZone(t.db, org.org.id, { cidr: '10.43.0.0/30' });
		const a = await makeCard(t.db, org.org.id, { zoneId });
		const b = await makeCard(t.db, org.org.id, { zoneId });
		const { ip } = await allocateIp(t.db, org.coordinator, { installationId: a });
		const released = await t.db.orm.transaction((tx) => releaseIp(tx, org.org.id, a));
		expect(released).toBe(ip);
		expect((await allocateIp(t.db, org.coordinator, { installationId: b })).ip).toBe(ip);
		expect((await freeIp(t.db, org.coordinator, { installationId: b })).released).toBe(ip);
	});

	it('un agente no puede asignar IP', async () => {
		const zoneId = await makeZone(t.db, org.org.id, { cidr: '10.44.0.0/30' });
		const a = await makeCard(t.db, org.org.id, { zoneId });
		await expect(allocateIp(t.db, org.agent, { installationId: a })).rejects.toMatchObject({ status: 403 });
		const rows = await rowsOf(t.db.orm, sql`select 1 from ip_allocations where installation_id = ${a}`);
		expect(rows).toHaveLength(0);
	});
});
