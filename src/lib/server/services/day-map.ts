/**
 * The day on a map (issue 22): a technician's own visits, or every technician's for the office,
 * numbered in visiting order, with the zones' coverage areas for the office.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as dayMap from '../db/day-map';
import { tileSource } from '../map-tiles';
import { parseInput } from '../validation';
import { forbidden } from './errors';
import { requireStaff } from './roles';
import { coverageAreas } from './coverage';
import { addDays, todayIn } from '$lib/domain/dates';
import { composeAddress } from '$lib/domain/address';
import {
	UNASSIGNED_COLOR,
	directionsLinks,
	hasCoordinates,
	initials,
	orderStops,
	pinTextColor,
	technicianColors
} from '$lib/domain/day-map';
import { dayMapQuerySchema, type DayMapTechnician, type DayMapView, type DayStop } from '$lib/schemas/day-map';

function toStop(row: dayMap.DayJobRow & { order: number }): DayStop {
	return {
		id: row.id,
		folio: row.folio,
		order: row.order,
		stage: row.stage,
		done: !!row.done,
		fullName: row.fullName,
		address: composeAddress(row),
		comments: row.comments?.trim() || null,
		installationTime: row.installationTime,
		technicianId: row.technicianId,
		technicianName: row.technicianName,
		zoneName: row.zoneName,
		point: hasCoordinates(row) ? { lat: row.lat, lng: row.lng, directions: directionsLinks(row.lat, row.lng) } : null
	};
}

/** The technicians of the day in name order, each with its palette colour; unassigned jobs last. */
function legend(stops: DayStop[]): DayMapTechnician[] {
	const named = new Map<string, string>();
	for (const s of stops) if (s.technicianId) named.set(s.technicianId, s.technicianName ?? '');
	const sorted = [...named].sort((a, b) => a[1].localeCompare(b[1], 'es'));
	const colors = technicianColors(sorted.map(([id]) => id));
	const list: DayMapTechnician[] = sorted.map(([id, name]) => {
		const color = colors.get(id)!;
		return { id, name, color, text: pinTextColor(color), initials: initials(name) };
	});
	if (stops.some((s) => !s.technicianId)) {
		list.push({ id: null, name: null, color: UNASSIGNED_COLOR, text: pinTextColor(UNASSIGNED_COLOR), initials: '' });
	}
	return list;
}

async function view(db: Database, actor: SessionUser, raw: unknown, technicianId: string | null): Promise<Omit<DayMapView, 'areas'>> {
	const today = todayIn(actor.timeZone);
	const date = parseInput(dayMapQuerySchema, raw).fecha ?? today;
	const rows = await dayMap.dayJobs(db, actor.orgId, date, technicianId);
	const stops = orderStops(rows).map(toStop);
	const { url, attribution } = tileSource();
	return { date, today, prev: addDays(date, -1), next: addDays(date, 1), stops, technicians: legend(stops), tiles: { url, attribution } };
}

/** A technician's own visits of the day; nobody else's, whatever the address says. */
export async function technicianDayMap(db: Database, actor: SessionUser, raw: unknown): Promise<DayMapView> {
	if (actor.role !== 'technician') throw forbidden('Este mapa es para técnicos: la oficina ve el mapa del día en el calendario.');
	return { ...(await view(db, actor, raw, actor.id)), areas: [] };
}

/** Every technician's visits of the day and the zones' coverage areas, for whoever sees the calendar. */
export async function officeDayMap(db: Database, actor: SessionUser, raw: unknown): Promise<DayMapView> {
	requireStaff(actor);
	const base = await view(db, actor, raw, null);
	const areas = (await coverageAreas(db, actor.orgId)).map(({ zoneName, serviceType, polygons }) => ({ zoneName, serviceType, polygons }));
	return { ...base, areas };
}
