import { sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db/client';
import { firstOf } from '$lib/server/db/card-tx';

let n = 0;

/** A zone with one pool, straight in SQL (the zones service has its own tests). */
export async function makeZone(
	db: Database,
	orgId: string,
	opts: { name?: string; cidr?: string; reserved?: string[]; paymentDay?: number } = {}
): Promise<string> {
	const row = await firstOf<{ id: string }>(
		db.orm,
		sql`insert into zones (org_id, name, router_name, payment_day, cutoff_day, invoice_day)
			values (${orgId}, ${opts.name ?? `RB${++n} ZONA PRUEBA DÍA ${opts.paymentDay ?? 28}`}, 'RB-PRUEBA', ${opts.paymentDay ?? 28}, 3, 24)
			returning id`
	);
	if (opts.cidr) {
		await db.orm.execute(
			sql`insert into zone_ip_pools (org_id, zone_id, cidr, reserved) values (${orgId}, ${row!.id}, ${opts.cidr}::cidr,
				${`{${(opts.reserved ?? []).join(',')}}`}::inet[])`
		);
	}
	return row!.id;
}

export async function makePlan(db: Database, orgId: string, priceCents = 45_000, name = 'Intermedio 120 Mbps'): Promise<string> {
	const row = await firstOf<{ id: string }>(
		db.orm,
		sql`insert into plans (org_id, kind, name, speed_mbps, price_cents, routeros_profile) values (${orgId}, 'internet', ${name}, 120, ${priceCents}, '120M') returning id`
	);
	return row!.id;
}

export async function makeCard(
	db: Database,
	orgId: string,
	fields: {
		fullName?: string;
		phone?: string;
		zoneId?: string | null;
		stage?: string;
		installationDate?: string | null;
		planId?: string | null;
		registeredOn?: string;
	} = {}
): Promise<string> {
	n++;
	const row = await firstOf<{ id: string }>(
		db.orm,
		sql`insert into installations (org_id, stage, position, full_name, phone, zone_id, installation_date, plan_id, registered_on, contract_type)
			values (${orgId}, ${fields.stage ?? 'documentos_pendientes'}, ${n * 1000}, ${fields.fullName ?? `Cliente Prueba ${n}`},
				${fields.phone ?? `998${String(1_000_000 + n).slice(-7)}`}, ${fields.zoneId ?? null}, ${fields.installationDate ?? null}::date,
				${fields.planId ?? null}, ${fields.registeredOn ?? '2026-11-01'}::date, 'indefinido')
			returning id`
	);
	return row!.id;
}
