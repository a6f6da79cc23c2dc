import type { RawRunner } from './client';

type Runner = Pick<RawRunner, 'query'>;

/** A coverage polygon set of an active zone; `geojson` is parsed by the domain's geo rules. */
export interface AreaRow {
	zoneId: string;
	zoneName: string;
	serviceType: 'inalambrico' | 'fibra';
	geojson: unknown;
}

export async function areas(db: Runner, orgId: string): Promise<AreaRow[]> {
	return db.query<AreaRow>(
		`select a.zone_id as "zoneId", z.name as "zoneName", a.service_type as "serviceType", a.geojson
		 from zone_coverage_areas a join zones z on z.id = a.zone_id where a.org_id = $1 and z.active`,
		[orgId]
	);
}

/** Where a card is and which zone serves it. */
export interface LocationRow {
	zone_id: string | null;
	service_type: string | null;
	lat: number | null;
	lng: number | null;
}

/** The card's location, locked for the rest of the transaction; null when it is not the provider's. */
export async function lockLocation(tx: Runner, orgId: string, id: string): Promise<LocationRow | null> {
	const [row] = await tx.query<LocationRow>(
		'select zone_id, service_type, lat, lng from installations where org_id = $1 and id = $2 for update',
		[orgId, id]
	);
	return row ?? null;
}

/** Confirmed coverage: location, zone and service type, with who confirmed it and when. */
export async function confirm(
	tx: Runner,
	id: string,
	c: { lat: number; lng: number; raw: string; zoneId: string; serviceType: string; confirmedBy: string }
): Promise<void> {
	await tx.query(
		`update installations set lat = $1, lng = $2, coordinates_raw = $3, zone_id = $4, service_type = $5,
			coverage_confirmed_at = now(), coverage_confirmed_by = $6 where id = $7`,
		[c.lat, c.lng, c.raw, c.zoneId, c.serviceType, c.confirmedBy, id]
	);
}
