import type { Database } from '$lib/server/db/client';
import type { SessionUser } from '$lib/server/auth';
import { createLead } from '$lib/server/services/leads';

/** A zone with one fiber box around Cancún centro, and the demo-like catalog. */
export async function makeCatalog(db: Database, orgId: string) {
	const [zone] = await db.query<{ id: string }>(
		`insert into zones (org_id, name, payment_day) values ($1, 'RB1 ZONA CENTRO DÍA 5', 5) returning id`,
		[orgId]
	);
	const box = {
		type: 'Polygon',
		coordinates: [
			[
				[-86.835, 21.152],
				[-86.818, 21.152],
				[-86.818, 21.168],
				[-86.835, 21.168],
				[-86.835, 21.152]
			]
		]
	};
	await db.query(
		`insert into zone_coverage_areas (org_id, zone_id, name, service_type, geojson) values ($1, $2, 'Centro', 'fibra', $3::text::jsonb)`,
		[orgId, zone.id, JSON.stringify(box)]
	);
	const plan = async (kind: string, name: string, cents: number, tier: string | null) =>
		(
			await db.query<{ id: string }>(
				`insert into plans (org_id, kind, name, price_cents, usage_tier) values ($1, $2, $3, $4, $5) returning id`,
				[orgId, kind, name, cents, tier]
			)
		)[0].id;
	return {
		zoneId: zone.id,
		basico: await plan('internet', 'Básico 60 Mbps', 35_000, 'basico'),
		alto: await plan('internet', 'Alto 300 Mbps', 65_000, 'alto'),
		tv: await plan('television', 'Paquete hasta 60 canales', 19_900, null)
	};
}

export async function makeLead(db: Database, actor: SessionUser, name = 'josé luis  cocom pech') {
	return createLead(db, actor, { fullName: name, phone: '998 123 4567', email: '', source: 'ventas' });
}

export const count = async (db: Database, table: string, where = 'true', params: unknown[] = []) =>
	(await db.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params))[0].n;
