import type { Database } from '$lib/server/db/client';
import { importCatalogs, mapItem, saveSettings } from '$lib/server/services/wisphub';
import { makeCard, makeOrg } from './factories';
import { makePlan, makeZone } from './scheduling-factories';
import { FAKE_PLANS, FAKE_STAFF, FAKE_ZONES } from '../../wisphub-fake/fake';

export const TEST_APP_SECRET = 'app-secret-de-pruebas-de-wisphub-0123456789';
export const FAKE_KEY = 'clave-de-prueba-wisphub';

/** A provider connected to the fake, catalogs imported and mapped, and one card ready for «asignada». */
export async function connectedProvider(db: Database, fakeUrl: string, opts: { triggerStage?: string } = {}) {
	process.env.APP_SECRET ??= TEST_APP_SECRET;
	const org = await makeOrg(db);
	const zoneId = await makeZone(db, org.org.id, { name: 'RB3 ZONA SUR DÍA 28' });
	const planId = await makePlan(db, org.org.id, 35_000, 'Básico 60 Mbps');
	await saveSettings(db, org.admin, { enabled: 'on', baseUrl: fakeUrl, apiKey: FAKE_KEY, triggerStage: opts.triggerStage ?? 'asignada' });
	await importCatalogs(db, org.admin);
	await mapItem(db, org.admin, { kind: 'zona', remoteId: String(FAKE_ZONES[2].id), localId: zoneId });
	await mapItem(db, org.admin, { kind: 'plan', remoteId: String(FAKE_PLANS[0].id), localId: planId });
	await mapItem(db, org.admin, { kind: 'tecnico', remoteId: String(FAKE_STAFF[0].id), localId: org.technician.id });
	return { ...org, zoneId, planId };
}

let seq = 0;

/** A card in «agendada» with everything process 4 types into WispHub. */
export async function readyCard(db: Database, p: Awaited<ReturnType<typeof connectedProvider>>) {
	seq++;
	const phone = `99870${String(10000 + seq).slice(-5)}`;
	return makeCard(db, p.org.id, {
		stage: 'agendada',
		full_name: 'María José Pérez López',
		email: `maria${seq}@correo.mx`,
		phone,
		phone_alt: '9981112233',
		addr_sm: '12',
		addr_mz: '3',
		addr_lt: '4',
		addr_ext: '10',
		addr_street: 'Calle Tulipanes',
		addr_colonia: 'Fracc Jardines',
		addr_city: 'Cancún',
		lat: 21.1619,
		lng: -86.8515,
		comments: 'Casa azul, portón negro',
		zone_id: p.zoneId,
		plan_id: p.planId,
		technician_id: p.technician.id,
		installation_date: '2026-12-10',
		installation_cost_cents: 120_000,
		pppoe_user: phone,
		pppoe_password: `${phone}M`,
		wifi_password: 'perez2024MB',
		ip: `10.20.0.${seq + 10}`
	});
}
