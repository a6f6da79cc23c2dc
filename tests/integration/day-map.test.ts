import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg, sessionUserOf, PASSWORD } from './support/factories';
import { makeZone } from './support/scheduling-factories';
import { createUser } from '$lib/server/services/users';
import { officeDayMap, technicianDayMap } from '$lib/server/services/day-map';
import { TECHNICIAN_PALETTE, UNASSIGNED_COLOR } from '$lib/domain/day-map';

const DAY = '2026-12-09';
const SQUARE = {
	type: 'Polygon',
	coordinates: [
		[
			[-86.9, 21.1],
			[-86.8, 21.1],
			[-86.8, 21.2],
			[-86.9, 21.2],
			[-86.9, 21.1]
		]
	]
};

describe.each(drivers)('el día en el mapa en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let other: Awaited<ReturnType<typeof makeOrg>>;
	let second: Awaited<ReturnType<typeof sessionUserOf>>;
	const ids: Record<string, string> = {};
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		other = await makeOrg(t.db);
		const u = await createUser(t.db, org.admin, {
			name: 'Beatriz Bautista',
			email: 'bea-mapa@prueba.mx',
			role: 'technician',
			password: PASSWORD
		});
		second = await sessionUserOf(t.db, u.id);
		const zone = await makeZone(t.db, org.org.id, { name: 'RB1 CENTRO' });
		await t.db.query(
			`insert into zone_coverage_areas (org_id, zone_id, name, service_type, geojson) values ($1, $2, 'Centro', 'fibra', $3::jsonb)`,
			[org.org.id, zone, JSON.stringify(SQUARE)]
		);
		const card = async (key: string, fields: Record<string, unknown>) => {
			ids[key] = (
				await makeCard(t.db, org.org.id, {
					stage: 'asignada',
					installation_date: DAY,
					zone_id: zone,
					full_name: `Cliente ${key}`,
					...fields
				})
			).id;
		};
		const tomas = org.technician.id;
		await card('tarde', {
			technician_id: tomas,
			installation_time: 'tarde',
			lat: 21.15,
			lng: -86.85,
			addr_street: 'Av. Tulum',
			addr_ext: '12'
		});
		await card('nueve', {
			technician_id: tomas,
			installation_time: '09:00',
			lat: 21.16,
			lng: -86.84,
			comments: 'Portón verde frente al Oxxo'
		});
		await card('sinCoords', { technician_id: tomas, installation_time: '11:00' });
		await card('bea', { technician_id: second.id, installation_time: '10:00', lat: 21.17, lng: -86.83 });
		await card('libre', { stage: 'agendada', installation_time: '08:00', lat: 21.18, lng: -86.82 });
		await card('otroDia', { technician_id: tomas, installation_date: '2026-12-10', lat: 21.1, lng: -86.8 });
		await card('cancelada', { stage: 'cancelada', technician_id: tomas, lat: 21.1, lng: -86.8 });
		await makeCard(t.db, other.org.id, {
			stage: 'asignada',
			installation_date: DAY,
			full_name: 'De otro proveedor',
			lat: 21.1,
			lng: -86.8
		});
	});
	afterAll(() => t.cleanup());

	it('el técnico ve solo sus visitas del día, en orden de hora, con cómo llegar y las referencias', async () => {
		const view = await technicianDayMap(t.db, org.technician, { fecha: DAY });
		expect(view.stops.map((s) => [s.id, s.order])).toEqual([
			[ids.nueve, 1],
			[ids.sinCoords, 2],
			[ids.tarde, 3]
		]);
		const [nueve, sinCoords, tarde] = view.stops;
		expect(nueve.comments).toBe('Portón verde frente al Oxxo');
		expect(nueve.point).toEqual({
			lat: 21.16,
			lng: -86.84,
			directions: {
				google: 'https://www.google.com/maps/dir/?api=1&destination=21.16,-86.84',
				waze: 'https://waze.com/ul?ll=21.16,-86.84&navigate=yes'
			}
		});
		expect(sinCoords.point).toBeNull();
		expect(tarde.address).toBe('#12, Av. Tulum');
		expect(view.areas).toEqual([]);
		expect(view.tiles).toEqual({ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' });
		expect(view).toMatchObject({ date: DAY, prev: '2026-12-08', next: '2026-12-10' });

		const bea = await technicianDayMap(t.db, second, { fecha: DAY });
		expect(bea.stops.map((s) => s.id)).toEqual([ids.bea]);
	});

	it('la oficina ve a todos los técnicos con su color, los sin asignar y las áreas de las zonas', async () => {
		for (const actor of [org.coordinator, org.agent, org.admin]) {
			const view = await officeDayMap(t.db, actor, { fecha: DAY });
			expect(view.stops.map((s) => s.id).sort()).toEqual([ids.libre, ids.nueve, ids.bea, ids.sinCoords, ids.tarde].sort());
			expect(view.technicians).toEqual([
				{ id: second.id, name: 'Beatriz Bautista', color: TECHNICIAN_PALETTE[0], text: '#FFFFFF', initials: 'BB' },
				{ id: org.technician.id, name: 'Tomás Técnico', color: TECHNICIAN_PALETTE[1], text: '#000000', initials: 'TT' },
				{ id: null, name: null, color: UNASSIGNED_COLOR, text: '#000000', initials: '' }
			]);
			expect(view.areas).toEqual([{ zoneName: 'RB1 CENTRO', serviceType: 'fibra', polygons: [SQUARE.coordinates] }]);
			expect(view.stops.find((s) => s.id === ids.libre)).toMatchObject({ order: 1, technicianName: null });
		}
	});

	it('rechaza roles y fechas que no van, en español', async () => {
		await expect(technicianDayMap(t.db, org.coordinator, { fecha: DAY })).rejects.toMatchObject({ status: 403 });
		await expect(officeDayMap(t.db, org.technician, { fecha: DAY })).rejects.toMatchObject({ status: 403 });
		await expect(officeDayMap(t.db, org.coordinator, { fecha: '2026-02-30' })).rejects.toMatchObject({
			status: 400,
			message: 'La fecha del mapa no es válida: elige un día en el calendario (AAAA-MM-DD).'
		});
		const otherOrg = await officeDayMap(t.db, other.coordinator, { fecha: DAY });
		expect(otherOrg.stops.map((s) => s.fullName)).toEqual(['De otro proveedor']);
		const today = await officeDayMap(t.db, org.coordinator, {});
		expect(today.date).toBe(today.today);
	});
});
