import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCard, makePlan, makeZone } from './support/scheduling-factories';
import { connectionView, saveConnection } from '$lib/server/services/connection';
import { billingView } from '$lib/server/services/billing';
import { updateScheduling } from '$lib/server/services/calendar';
import { allocateIp } from '$lib/server/services/ip-allocation';
import { firstOf, rowsOf } from '$lib/server/db/card-tx';

describe.each(drivers)('datos de conexión y cobros en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());

	it('propone usuario = teléfono, contraseña = teléfono + M y Wi-Fi = apellido + sufijo', async () => {
		const id = await makeCard(t.db, org.org.id, { fullName: 'Juan Cocom', phone: '9981234567' });
		const view = await connectionView(t.db, org.agent, id);
		expect(view.defaults).toMatchObject({ pppoeUser: '9981234567', pppoePassword: '9981234567M', wifiPassword: 'cocom2024MB' });
		expect(view.canEdit).toBe(false);
	});

	it('el usuario PPPoE es único en el proveedor y el mensaje nombra la otra tarjeta', async () => {
		const a = await makeCard(t.db, org.org.id, { fullName: 'Ana Pérez Uc', phone: '9980000001' });
		const b = await makeCard(t.db, org.org.id, { phone: '9980000002' });
		await saveConnection(t.db, org.coordinator, {
			installationId: a,
			pppoeUser: '9980000001',
			pppoePassword: '9980000001M',
			wifiPassword: 'perez2024MB'
		});
		const folio = (await firstOf<{ folio: number }>(t.db.orm, sql`select folio::int as folio from installations where id = ${a}`))!.folio;
		const err = await saveConnection(t.db, org.coordinator, { installationId: b, pppoeUser: '9980000001', pppoePassword: 'x1234' }).catch(
			(e) => e
		);
		expect(err.status).toBe(409);
		expect(err.message).toBe(
			`El usuario PPPoE «9980000001» ya lo usa la instalación #${folio} (Ana Pérez Uc). Escribe otro usuario, por ejemplo agregando una letra al final.`
		);
		expect(err.fieldErrors.pppoeUser).toHaveLength(1);
		const row = await firstOf<{ u: string | null }>(t.db.orm, sql`select pppoe_user as u from installations where id = ${b}`);
		expect(row!.u).toBeNull();
		await expect(
			saveConnection(t.db, org.agent, { installationId: b, pppoeUser: '9980000002', pppoePassword: 'abcd1' })
		).rejects.toMatchObject({ status: 403 });
	});

	it('agendar: zona + fecha + plan calculan y guardan el desglose; cambiar de zona libera la IP', async () => {
		const planId = await makePlan(t.db, org.org.id, 45_000);
		const z1 = await makeZone(t.db, org.org.id, { cidr: '10.50.0.0/29', paymentDay: 28 });
		const z2 = await makeZone(t.db, org.org.id, { cidr: '10.51.0.0/29', paymentDay: 5 });
		const id = await makeCard(t.db, org.org.id, { registeredOn: '2026-11-10' });
		await saveConnection(t.db, org.coordinator, { installationId: id, pppoeUser: 'cliente.x', pppoePassword: 'clave1234', planId });
		await updateScheduling(t.db, org.coordinator, { installationId: id, zoneId: z1, installationDate: '2026-11-13' });
		const view = await billingView(t.db, org.coordinator, id);
		expect(view.missing).toEqual([]);
		expect(view.snapshot!.dates.firstPaymentDate).toBe('2026-11-28');
		const prorrateo = view.snapshot!.charge.items.find((i) => i.key === 'prorrateo')!;
		// 13..27 Nov = 15 days × $450 / 30 = $225
		expect(prorrateo.amountCents).toBe(22_500);
		expect(prorrateo.detail).toMatch(/15 días \(con el día de instalación\) × \$450\.00 ÷ 30 \(días de noviembre\) = \$225\.00/);
		expect(view.snapshot!.charge.totalCents).toBe(view.snapshot!.charge.items.reduce((s, i) => s + i.amountCents, 0));
		const stored = await firstOf<{ b: boolean }>(t.db.orm, sql`select billing is not null as b from installations where id = ${id}`);
		expect(stored!.b).toBe(true);

		await allocateIp(t.db, org.coordinator, { installationId: id });
		await updateScheduling(t.db, org.coordinator, { installationId: id, zoneId: z2 });
		const after = await firstOf<{ ip: string | null; pay: string }>(
			t.db.orm,
			sql`select host(ip) as ip, billing->'dates'->>'firstPaymentDate' as pay from installations where id = ${id}`
		);
		expect(after).toEqual({ ip: null, pay: '2026-12-05' });
		const history = await rowsOf<{ field: string; source: string }>(
			t.db.orm,
			sql`select field, source from card_history where installation_id = ${id} order by id`
		);
		expect(history.map((h) => h.field)).toEqual(expect.arrayContaining(['pppoe_user', 'zone_id', 'installation_date', 'ip']));
		const events = await rowsOf<{ actor: string }>(
			t.db.orm,
			sql`select actor_id as actor from board_events where card_id = ${id} and actor_id is not null`
		);
		expect(events.every((e) => e.actor === org.coordinator.id)).toBe(true);
		expect(events.length).toBeGreaterThan(0);
	});
});
