/**
 * Zones (RB, "router base"): area + router + billing calendar + IP pools + coverage polygons +
 * technicians. Admins manage them; everyone else reads the names for pickers.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { firstOf, pgError, rowsOf } from '../db/card-tx';
import { run } from '../db/card-tx';
import { findOverlap, isValidIp, cidrContains, parseCidr, poolUsage, type IpPool } from '$lib/domain/ip-pools';
import { parseCoverageGeoJson } from '$lib/domain/geo';
import { zoneSchema } from '$lib/schemas/zones';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireAdmin } from './roles';
import { zonePools } from './ip-allocation';

export interface ZoneSummary {
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
	pools: IpPool[];
	usage: { total: number; used: number; free: number };
	areas: { id: string; name: string; serviceType: 'inalambrico' | 'fibra'; geojson: unknown }[];
	technicianIds: string[];
	installations: number;
}

/** Names and payment days for pickers; any signed-in role. */
export async function zoneOptions(db: Database, actor: SessionUser) {
	return rowsOf<{ id: string; name: string; paymentDay: number }>(
		db.orm,
		sql`select id, name, payment_day as "paymentDay" from zones where org_id = ${actor.orgId} and active order by name`
	);
}

export async function listZones(db: Database, actor: SessionUser): Promise<ZoneSummary[]> {
	requireAdmin(actor, 'administrar las zonas');
	const zones = await rowsOf<Omit<ZoneSummary, 'pools' | 'usage' | 'areas' | 'technicianIds'>>(
		db.orm,
		sql`select z.id, z.name, z.router_name as "routerName", z.router_host as "routerHost", z.payment_day as "paymentDay",
			z.cutoff_day as "cutoffDay", z.grace_days as "graceDays", z.invoice_day as "invoiceDay", z.billing_mode as "billingMode",
			z.active, (select count(*)::int from installations i where i.zone_id = z.id) as installations
		 from zones z where z.org_id = ${actor.orgId} order by z.name`
	);
	const areas = await rowsOf<ZoneSummary['areas'][number] & { zoneId: string }>(
		db.orm,
		sql`select id, zone_id as "zoneId", name, service_type as "serviceType", geojson from zone_coverage_areas
			where org_id = ${actor.orgId} order by name`
	);
	const techs = await rowsOf<{ zoneId: string; userId: string }>(
		db.orm,
		sql`select zone_id as "zoneId", user_id as "userId" from zone_technicians where org_id = ${actor.orgId}`
	);
	const used = await rowsOf<{ zoneId: string; ip: string }>(
		db.orm,
		sql`select zone_id as "zoneId", host(ip) as ip from ip_allocations where org_id = ${actor.orgId}`
	);
	const out: ZoneSummary[] = [];
	for (const z of zones) {
		const pools = await zonePools(db.orm, actor.orgId, z.id);
		out.push({
			...z,
			pools,
			usage: poolUsage(pools, new Set(used.filter((u) => u.zoneId === z.id).map((u) => u.ip))),
			areas: areas.filter((a) => a.zoneId === z.id).map(({ zoneId: _z, ...a }) => a),
			technicianIds: techs.filter((t) => t.zoneId === z.id).map((t) => t.userId)
		});
	}
	return out;
}

export async function getZone(db: Database, actor: SessionUser, rawId: unknown): Promise<ZoneSummary> {
	const id = parseInput(uuidSchema, rawId);
	const zone = (await listZones(db, actor)).find((z) => z.id === id);
	if (!zone) throw notFound('Esa zona no existe.');
	return zone;
}

function refuse(field: string, message: string): never {
	throw new ServiceError(422, message, { [field]: [message] });
}

export async function saveZone(db: Database, actor: SessionUser, raw: unknown): Promise<{ id: string }> {
	requireAdmin(actor, 'administrar las zonas');
	const input = parseInput(zoneSchema, raw);

	const pools: IpPool[] = [];
	for (const text of input.pools) {
		const parsed = parseCidr(text);
		if (!parsed.ok) refuse('pools', parsed.error);
		pools.push({ cidr: parsed.cidr, reserved: [] });
	}
	if (!pools.length) refuse('pools', 'Agrega al menos un rango de IP, por ejemplo 10.30.1.0/24.');
	for (const ip of input.reserved) {
		if (!isValidIp(ip)) refuse('reserved', `«${ip}» no es una dirección IPv4 válida; escríbela como 10.30.1.1.`);
		const pool = pools.find((p) => cidrContains(p.cidr, ip));
		if (!pool) refuse('reserved', `La IP reservada ${ip} no está en ninguno de los rangos de la zona.`);
		(pool.reserved as string[]).push(ip);
	}
	const areas = input.areas.map((a, i) => {
		const parsed = parseCoverageGeoJson(a.geojson);
		if (!parsed.ok) refuse(`area_${i}_geojson`, `Área «${a.name}»: ${parsed.error}`);
		return { ...a, geojson: { type: 'MultiPolygon', coordinates: parsed.polygons } };
	});

	try {
		return await db.orm.transaction(async (tx) => {
			// Serialises zone edits of one provider, so two admins cannot add overlapping ranges at once.
			await run(tx, sql`select id from organizations where id = ${actor.orgId} for update`);
			if (input.id) {
				const exists = await firstOf(tx, sql`select 1 from zones where org_id = ${actor.orgId} and id = ${input.id}`);
				if (!exists) throw notFound('Esa zona no existe.');
			}
			const others = await rowsOf<{ zoneName: string; cidr: string }>(
				tx,
				sql`select z.name as "zoneName", p.cidr::text as cidr from zone_ip_pools p join zones z on z.id = p.zone_id
					where p.org_id = ${actor.orgId} and p.zone_id is distinct from ${input.id ?? null}::uuid`
			);
			const overlap = findOverlap(
				pools.map((p) => p.cidr),
				others
			);
			if (!overlap.ok) refuse('pools', overlap.error);

			const techOk = await rowsOf<{ id: string }>(tx, sql`select id from users where org_id = ${actor.orgId} and role = 'technician'`);
			const known = new Set(techOk.map((t) => t.id));
			if (input.technicianIds.some((t) => !known.has(t)))
				refuse('technicianIds', 'Uno de los técnicos elegidos no existe; recarga la página.');

			const values = sql`${input.name}, ${input.routerName || null}, ${input.routerHost || null}, ${input.paymentDay},
				${input.cutoffDay}, ${input.graceDays}, ${input.invoiceDay}, ${input.billingMode}`;
			const row = input.id
				? await firstOf<{ id: string }>(
						tx,
						sql`update zones set (name, router_name, router_host, payment_day, cutoff_day, grace_days, invoice_day, billing_mode)
							= (${values}) where id = ${input.id} returning id`
					)
				: await firstOf<{ id: string }>(
						tx,
						sql`insert into zones (org_id, name, router_name, router_host, payment_day, cutoff_day, grace_days, invoice_day, billing_mode)
							values (${actor.orgId}, ${values}) returning id`
					);
			const zoneId = row!.id;

			// An address already given to a card must stay inside the pools and must not become reserved.
			const allocated = await rowsOf<{ ip: string; folio: number; fullName: string }>(
				tx,
				sql`select host(a.ip) as ip, i.folio::int as folio, i.full_name as "fullName" from ip_allocations a
					join installations i on i.id = a.installation_id where a.zone_id = ${zoneId}`
			);
			for (const a of allocated) {
				const pool = pools.find((p) => cidrContains(p.cidr, a.ip));
				if (!pool || pool.reserved?.includes(a.ip)) {
					refuse(
						'pools',
						`La IP ${a.ip} está asignada a la instalación #${a.folio} (${a.fullName}); deja su rango y no la reserves, o libérala primero.`
					);
				}
			}
			await run(tx, sql`delete from zone_ip_pools where zone_id = ${zoneId}`);
			for (const p of pools) {
				await run(
					tx,
					sql`insert into zone_ip_pools (org_id, zone_id, cidr, reserved)
						values (${actor.orgId}, ${zoneId}, ${p.cidr}::cidr, ${`{${(p.reserved ?? []).join(',')}}`}::inet[])`
				);
			}
			await run(tx, sql`delete from zone_coverage_areas where zone_id = ${zoneId}`);
			for (const a of areas) {
				await run(
					tx,
					sql`insert into zone_coverage_areas (org_id, zone_id, name, service_type, geojson)
						values (${actor.orgId}, ${zoneId}, ${a.name}, ${a.serviceType}, ${JSON.stringify(a.geojson)}::jsonb)`
				);
			}
			await run(tx, sql`delete from zone_technicians where zone_id = ${zoneId}`);
			for (const t of input.technicianIds) {
				await run(tx, sql`insert into zone_technicians (org_id, zone_id, user_id) values (${actor.orgId}, ${zoneId}, ${t})`);
			}
			return { id: zoneId };
		});
	} catch (err) {
		const { constraint } = pgError(err);
		if (constraint === 'zones_org_id_name_key') refuse('name', `Ya existe una zona llamada «${input.name}»; usa otro nombre.`);
		if (constraint === 'zone_ip_pools_org_id_cidr_key') refuse('pools', 'Ese rango ya está en otra zona; usa uno distinto.');
		throw err;
	}
}

export async function deleteZone(db: Database, actor: SessionUser, rawId: unknown): Promise<void> {
	requireAdmin(actor, 'administrar las zonas');
	const id = parseInput(uuidSchema, rawId);
	await db.orm.transaction(async (tx) => {
		const zone = await firstOf<{ name: string; n: number }>(
			tx,
			sql`select name, (select count(*)::int from installations where zone_id = ${id}) as n from zones where org_id = ${actor.orgId} and id = ${id} for update`
		);
		if (!zone) throw notFound('Esa zona no existe.');
		if (zone.n > 0) {
			throw new ServiceError(409, `La zona ${zone.name} tiene ${zone.n} instalaciones; cámbialas de zona antes de borrarla.`);
		}
		await run(tx, sql`delete from zones where id = ${id}`);
	});
}
