import { z } from 'zod';
import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import type { SessionUser } from '../auth';
import { insertCardHistory } from '../db/history';
import * as coverage from '../db/coverage';
import * as zones from '../db/zones';
import { parseCoordinates, googleMapsLink } from '$lib/domain/coordinates';
import { parseCoverageGeoJson, suggestZone, pointInPolygon, type CoverageArea, type ZoneSuggestion } from '$lib/domain/geo';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { forbidden, notFound, ServiceError } from './errors';
import { actAs } from './card-edit';
import { recomputeBilling } from './billing';
import { cancelCard } from './cancellations';

const OFFICE = ['admin', 'coordinator', 'agent'];

export async function coverageAreas(db: Pick<RawRunner, 'query'>, orgId: string): Promise<CoverageArea[]> {
	const rows = await coverage.areas(db, orgId);
	return rows.flatMap((r) => {
		const parsed = parseCoverageGeoJson(typeof r.geojson === 'string' ? r.geojson : (r.geojson as object));
		return parsed.ok ? [{ zoneId: r.zoneId, zoneName: r.zoneName, serviceType: r.serviceType, polygons: parsed.polygons }] : [];
	});
}

function readCoordinates(raw: unknown): { lat: number; lng: number; raw: string } {
	const text = typeof raw === 'string' ? raw : '';
	const r = parseCoordinates(text);
	if (!r.ok) throw new ServiceError(400, r.error, { coordinates: [r.error] });
	return { lat: r.lat, lng: r.lng, raw: text.trim().slice(0, 2000) };
}

export interface CoverageCheck {
	lat: number;
	lng: number;
	mapsLink: string;
	suggestion: ZoneSuggestion | null;
}

/** Coordinates or a Maps/WhatsApp link → the zone (RB) and service type that reach it. */
export async function checkCoverage(db: Database, actor: SessionUser, raw: unknown): Promise<CoverageCheck> {
	if (!OFFICE.includes(actor.role)) throw forbidden();
	const { lat, lng } = readCoordinates((raw as { coordinates?: unknown })?.coordinates);
	return { lat, lng, mapsLink: googleMapsLink(lat, lng), suggestion: suggestZone(lat, lng, await coverageAreas(db, actor.orgId)) };
}

const confirmSchema = z.object({
	coordinates: z.string({ error: 'Pega las coordenadas o el enlace de Google Maps.' }),
	zoneId: z.uuid('Elige la zona (RB) que cubre al cliente.'),
	serviceType: z.enum(['inalambrico', 'fibra'], { error: 'Elige inalámbrico o fibra.' })
});

/** The agent confirms coverage: location, zone and service type are saved together. */
export async function confirmCoverage(db: Database, actor: SessionUser, rawId: unknown, raw: unknown) {
	if (!OFFICE.includes(actor.role)) throw forbidden();
	const id = parseInput(uuidSchema, rawId);
	const input = parseInput(confirmSchema, raw);
	const loc = readCoordinates(input.coordinates);
	const areas = (await coverageAreas(db, actor.orgId)).filter((a) => a.zoneId === input.zoneId);
	if (!(await zones.exists(db, actor.orgId, input.zoneId)))
		throw new ServiceError(400, 'Esa zona no existe: elige otra.', { zoneId: ['Esa zona no existe: elige otra.'] });
	const covered = areas.some((a) => a.serviceType === input.serviceType && a.polygons.some((p) => pointInPolygon(loc.lat, loc.lng, p)));
	if (!covered) {
		const msg = 'Esa zona no cubre la ubicación con ese tipo de servicio: elige la zona sugerida o marca «Sin cobertura».';
		throw new ServiceError(422, msg, { zoneId: [msg] });
	}
	await db.begin(async (tx) => {
		await actAs(tx, actor);
		const old = await coverage.lockLocation(tx, actor.orgId, id);
		if (!old) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
		await coverage.confirm(tx, id, { ...loc, zoneId: input.zoneId, serviceType: input.serviceType, confirmedBy: actor.id });
		// The zone sets the payment day, so the billing snapshot changes with it.
		await recomputeBilling(tx, actor.orgId, id);
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: id,
			userId: actor.id,
			kind: 'field',
			field: 'coverage',
			source: 'tarjeta',
			oldValue: { zoneId: old.zone_id, serviceType: old.service_type, lat: old.lat, lng: old.lng },
			newValue: { zoneId: input.zoneId, serviceType: input.serviceType, lat: loc.lat, lng: loc.lng }
		});
	});
	return { lat: loc.lat, lng: loc.lng };
}

/** "Sin cobertura": the card goes to the end of Cancelada with that reason, and any IP is released. */
export async function markNoCoverage(db: Database, actor: SessionUser, rawId: unknown, raw: unknown) {
	const { note, expectedVersion } = (raw ?? {}) as { note?: unknown; expectedVersion?: unknown };
	return cancelCard(
		db,
		actor,
		rawId,
		{ reason: 'sin_cobertura', note, expectedVersion },
		{ refusal: 'Solo la oficina puede marcar una tarjeta «Sin cobertura».', builtIn: true }
	);
}
