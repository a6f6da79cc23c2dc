import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { deleteZone, listZones, saveZone } from '$lib/server/services/zones';
import { rowsOf } from '$lib/server/db/card-tx';
import { zoneFromForm } from '$lib/schemas/zones';

const square = JSON.stringify({
	type: 'Polygon',
	coordinates: [
		[
			[-86.85, 21.15],
			[-86.83, 21.15],
			[-86.83, 21.17],
			[-86.85, 21.17],
			[-86.85, 21.15]
		]
	]
});

describe.each(drivers)('zonas en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());

	const base = (over: Record<string, string> = {}) =>
		zoneFromForm({
			name: 'RB3 ZONA SUR DÍA 28',
			routerName: 'RB3-SUR',
			routerHost: '10.255.0.3',
			paymentDay: '28',
			cutoffDay: '3',
			invoiceDay: '24',
			billingMode: 'prepago',
			pools: '10.30.3.0/24',
			reserved: '10.30.3.1',
			area_0_name: 'Huayacán',
			area_0_type: 'fibra',
			area_0_geojson: square,
			[`tech_${org.technician.id}`]: 'on',
			...over
		});

	it('crea una zona con rangos, reservadas, cobertura y técnicos, y muestra el uso del rango', async () => {
		const { id } = await saveZone(t.db, org.admin, base());
		const [zone] = (await listZones(t.db, org.admin)).filter((z) => z.id === id);
		expect(zone.pools).toEqual([{ cidr: '10.30.3.0/24', reserved: ['10.30.3.1'] }]);
		expect(zone.usage).toEqual({ total: 253, used: 0, free: 253 });
		expect(zone.areas[0]).toMatchObject({ name: 'Huayacán', serviceType: 'fibra' });
		expect(zone.technicianIds).toEqual([org.technician.id]);
	});

	it('rechaza un rango que se cruza con otra zona, nombrando el rango y la zona, sin escribir nada', async () => {
		const err = await saveZone(t.db, org.admin, base({ name: 'RB5 OTRA', pools: '10.30.3.128/25', reserved: '' })).catch((e) => e);
		expect(err.status).toBe(422);
		expect(err.message).toBe(
			'El rango 10.30.3.128/25 se cruza con 10.30.3.0/24 de la zona RB3 ZONA SUR DÍA 28. Usa un rango que no se repita en otra zona.'
		);
		const rows = await rowsOf(t.db.orm, sql`select 1 from zones where name = 'RB5 OTRA'`);
		expect(rows).toHaveLength(0);
	});

	it('rechaza CIDR y GeoJSON inválidos con mensajes claros', async () => {
		const bad = await saveZone(t.db, org.admin, base({ name: 'RB6', pools: '10.60.0.0/33' })).catch((e) => e);
		expect(bad.message).toMatch(/El prefijo «\/33» no es válido/);
		const geo = await saveZone(
			t.db,
			org.admin,
			base({ name: 'RB7', pools: '10.70.0.0/24', reserved: '', area_0_geojson: '{"type":"Polygon"' })
		).catch((e) => e);
		expect(geo.message).toMatch(/Área «Huayacán»: El archivo no se puede leer como GeoJSON/);
		const reserved = await saveZone(t.db, org.admin, base({ name: 'RB8', pools: '10.80.0.0/24', reserved: '10.81.0.1' })).catch((e) => e);
		expect(reserved.message).toMatch(/no está en ninguno de los rangos/);
		const rows = await rowsOf(t.db.orm, sql`select 1 from zones where name in ('RB6', 'RB7', 'RB8')`);
		expect(rows).toHaveLength(0);
	});

	it('solo un administrador gestiona zonas; se puede borrar una zona sin instalaciones', async () => {
		await expect(saveZone(t.db, org.coordinator, base({ name: 'RB9', pools: '10.90.0.0/24', reserved: '' }))).rejects.toMatchObject({
			status: 403
		});
		const { id } = await saveZone(t.db, org.admin, base({ name: 'RB10', pools: '10.100.0.0/24', reserved: '' }));
		await deleteZone(t.db, org.admin, id);
		expect((await listZones(t.db, org.admin)).some((z) => z.id === id)).toBe(false);
	});
});
