/**
 * Zones (RB, "router base"): area + router + billing calendar + IP pools + coverage polygons +
 * technicians. Admins manage them; everyone else reads the names for pickers.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { pgError } from '../db/card-tx';
import * as zones from '../db/zones';
import * as ipAllocations from '../db/ip-allocations';
import * as organizations from '../db/organizations';
import * as users from '../db/users';
import { findOverlap, isValidIp, cidrContains, parseCidr, poolUsage, type IpPool } from '$lib/domain/ip-pools';
import { parseCoverageGeoJson } from '$lib/domain/geo';
import { zoneSchema } from '$lib/schemas/zones';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireAdmin } from './roles';

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
	return zones.options(db, actor.orgId);
}

export async function listZones(db: Database, actor: SessionUser): Promise<ZoneSummary[]> {
	requireAdmin(actor, 'administrar las zonas');
	const rows = await zones.list(db, actor.orgId);
	const areas = await zones.areas(db, actor.orgId);
	const techs = await zones.technicians(db, actor.orgId);
	const used = await ipAllocations.usedByZone(db, actor.orgId);
	const out: ZoneSummary[] = [];
	for (const z of rows) {
		const pools = await ipAllocations.zonePools(db, actor.orgId, z.id);
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
			await organizations.lock(tx, actor.orgId);
			if (input.id && !(await zones.exists(tx, actor.orgId, input.id))) throw notFound('Esa zona no existe.');
			const others = await zones.otherPools(tx, actor.orgId, input.id ?? null);
			const overlap = findOverlap(
				pools.map((p) => p.cidr),
				others
			);
			if (!overlap.ok) refuse('pools', overlap.error);

			const known = await users.technicianIds(tx, actor.orgId);
			if (input.technicianIds.some((t) => !known.has(t)))
				refuse('technicianIds', 'Uno de los técnicos elegidos no existe; recarga la página.');

			const zoneId = await zones.save(tx, actor.orgId, input.id ?? null, {
				name: input.name,
				routerName: input.routerName || null,
				routerHost: input.routerHost || null,
				paymentDay: input.paymentDay,
				cutoffDay: input.cutoffDay,
				graceDays: input.graceDays,
				invoiceDay: input.invoiceDay,
				billingMode: input.billingMode
			});

			// An address already given to a card must stay inside the pools and must not become reserved.
			const allocated = await ipAllocations.inZone(tx, zoneId);
			for (const a of allocated) {
				const pool = pools.find((p) => cidrContains(p.cidr, a.ip));
				if (!pool || pool.reserved?.includes(a.ip)) {
					refuse(
						'pools',
						`La IP ${a.ip} está asignada a la instalación #${a.folio} (${a.fullName}); deja su rango y no la reserves, o libérala primero.`
					);
				}
			}
			await zones.replacePools(tx, actor.orgId, zoneId, pools);
			await zones.replaceAreas(tx, actor.orgId, zoneId, areas);
			await zones.replaceTechnicians(tx, actor.orgId, zoneId, input.technicianIds);
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
		const zone = await zones.lockForDelete(tx, actor.orgId, id);
		if (!zone) throw notFound('Esa zona no existe.');
		if (zone.n > 0) {
			throw new ServiceError(409, `La zona ${zone.name} tiene ${zone.n} instalaciones; cámbialas de zona antes de borrarla.`);
		}
		await zones.remove(tx, id);
	});
}
