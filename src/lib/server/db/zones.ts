import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, run, type Executor } from './card-tx';
import type { IpPool } from '$lib/domain/ip-pools';

/** Names and payment days of the active zones, for pickers. */
export function options(db: Executor, orgId: string): Promise<{ id: string; name: string; paymentDay: number }[]> {
	return rowsOf(db, sql`select id, name, payment_day as "paymentDay" from zones where org_id = ${orgId} and active order by name`);
}

/** A zone's name, when it is this provider's. */
export async function nameOf(db: Executor, orgId: string, id: string): Promise<string | null> {
	const row = await firstOf<{ name: string }>(db, sql`select name from zones where org_id = ${orgId} and id = ${id}`);
	return row?.name ?? null;
}

export interface ZoneRow {
	id: string;
	name: string;
	routerName: string | null;
	routerHost: string | null;
	paymentDay: number;
	cutoffDay: number | null;
	graceDays: number | null;
	invoiceDay: number | null;
	billingMode: 'prepago' | 'pospago';
	active: boolean;
	/** Cards in the zone, open or not. */
	installations: number;
}

export function list(db: Executor, orgId: string): Promise<ZoneRow[]> {
	return rowsOf<ZoneRow>(
		db,
		sql`select z.id, z.name, z.router_name as "routerName", z.router_host as "routerHost", z.payment_day as "paymentDay",
			z.cutoff_day as "cutoffDay", z.grace_days as "graceDays", z.invoice_day as "invoiceDay", z.billing_mode as "billingMode",
			z.active, (select count(*)::int from installations i where i.zone_id = z.id) as installations
		 from zones z where z.org_id = ${orgId} order by z.name`
	);
}

export interface AreaRow {
	id: string;
	zoneId: string;
	name: string;
	serviceType: 'inalambrico' | 'fibra';
	geojson: unknown;
}

export function areas(db: Executor, orgId: string): Promise<AreaRow[]> {
	return rowsOf<AreaRow>(
		db,
		sql`select id, zone_id as "zoneId", name, service_type as "serviceType", geojson from zone_coverage_areas
			where org_id = ${orgId} order by name`
	);
}

export function technicians(db: Executor, orgId: string): Promise<{ zoneId: string; userId: string }[]> {
	return rowsOf(db, sql`select zone_id as "zoneId", user_id as "userId" from zone_technicians where org_id = ${orgId}`);
}

export async function exists(db: Executor, orgId: string, id: string): Promise<boolean> {
	return (await firstOf(db, sql`select 1 from zones where org_id = ${orgId} and id = ${id}`)) !== null;
}

/** The pools of every zone but `exceptZoneId`, to check a new range against. */
export function otherPools(db: Executor, orgId: string, exceptZoneId: string | null): Promise<{ zoneName: string; cidr: string }[]> {
	return rowsOf(
		db,
		sql`select z.name as "zoneName", p.cidr::text as cidr from zone_ip_pools p join zones z on z.id = p.zone_id
			where p.org_id = ${orgId} and p.zone_id is distinct from ${exceptZoneId}::uuid`
	);
}

export interface ZoneFields {
	name: string;
	routerName: string | null;
	routerHost: string | null;
	paymentDay: number;
	cutoffDay: number | null;
	graceDays: number | null;
	invoiceDay: number | null;
	billingMode: string;
}

/** Inserts the zone, or updates it when `id` is given; its id. */
export async function save(db: Executor, orgId: string, id: string | null, z: ZoneFields): Promise<string> {
	const values = sql`${z.name}, ${z.routerName}, ${z.routerHost}, ${z.paymentDay}, ${z.cutoffDay}, ${z.graceDays}, ${z.invoiceDay}, ${z.billingMode}`;
	const row = id
		? await firstOf<{ id: string }>(
				db,
				sql`update zones set (name, router_name, router_host, payment_day, cutoff_day, grace_days, invoice_day, billing_mode)
					= (${values}) where id = ${id} returning id`
			)
		: await firstOf<{ id: string }>(
				db,
				sql`insert into zones (org_id, name, router_name, router_host, payment_day, cutoff_day, grace_days, invoice_day, billing_mode)
					values (${orgId}, ${values}) returning id`
			);
	return row!.id;
}

export async function replacePools(db: Executor, orgId: string, zoneId: string, pools: IpPool[]): Promise<void> {
	await run(db, sql`delete from zone_ip_pools where zone_id = ${zoneId}`);
	for (const p of pools) {
		await run(
			db,
			sql`insert into zone_ip_pools (org_id, zone_id, cidr, reserved)
				values (${orgId}, ${zoneId}, ${p.cidr}::cidr, ${`{${(p.reserved ?? []).join(',')}}`}::inet[])`
		);
	}
}

export async function replaceAreas(
	db: Executor,
	orgId: string,
	zoneId: string,
	list: { name: string; serviceType: string; geojson: unknown }[]
): Promise<void> {
	await run(db, sql`delete from zone_coverage_areas where zone_id = ${zoneId}`);
	for (const a of list) {
		await run(
			db,
			sql`insert into zone_coverage_areas (org_id, zone_id, name, service_type, geojson)
				values (${orgId}, ${zoneId}, ${a.name}, ${a.serviceType}, ${JSON.stringify(a.geojson)}::jsonb)`
		);
	}
}

export async function replaceTechnicians(db: Executor, orgId: string, zoneId: string, userIds: string[]): Promise<void> {
	await run(db, sql`delete from zone_technicians where zone_id = ${zoneId}`);
	for (const t of userIds) {
		await run(db, sql`insert into zone_technicians (org_id, zone_id, user_id) values (${orgId}, ${zoneId}, ${t})`);
	}
}

/** Locks the zone for deletion; its name and how many cards still use it. */
export function lockForDelete(db: Executor, orgId: string, id: string): Promise<{ name: string; n: number } | null> {
	return firstOf(
		db,
		sql`select name, (select count(*)::int from installations where zone_id = ${id}) as n from zones where org_id = ${orgId} and id = ${id} for update`
	);
}

export async function remove(db: Executor, id: string): Promise<void> {
	await run(db, sql`delete from zones where id = ${id}`);
}
