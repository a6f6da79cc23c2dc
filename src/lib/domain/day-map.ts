/**
 * The day on a map (issue 22): which stop comes first, the pin's colour per technician, and the
 * «Cómo llegar» links a phone opens in Google Maps or Waze.
 */
import { slotSortKey } from './time-slot';

export interface DayStopInput {
	id: string;
	folio: number;
	installationTime: string | null;
	routeOrder: number | null;
	technicianId: string | null;
	lat: number | null;
	lng: number | null;
}

export type Ordered<T> = T & { order: number };

/**
 * A day's jobs in the order they are visited: agreed time slot first («por la mañana» sorts as
 * 09:00, «por la tarde» as 14:00), then the coordinator's route order, then the folio. Numbers
 * start at 1 for each technician, so «3» on a pin is that technician's third stop.
 */
export function orderStops<T extends DayStopInput>(jobs: readonly T[]): Ordered<T>[] {
	const sorted = [...jobs].sort(
		(a, b) =>
			slotSortKey(a.installationTime).localeCompare(slotSortKey(b.installationTime)) ||
			(a.routeOrder ?? Number.MAX_SAFE_INTEGER) - (b.routeOrder ?? Number.MAX_SAFE_INTEGER) ||
			a.folio - b.folio
	);
	const counters = new Map<string | null, number>();
	return sorted.map((job) => {
		const order = (counters.get(job.technicianId) ?? 0) + 1;
		counters.set(job.technicianId, order);
		return { ...job, order };
	});
}

export function hasCoordinates<T extends { lat: number | null; lng: number | null }>(job: T): job is T & { lat: number; lng: number } {
	return (
		typeof job.lat === 'number' &&
		typeof job.lng === 'number' &&
		Number.isFinite(job.lat) &&
		Number.isFinite(job.lng) &&
		Math.abs(job.lat) <= 90 &&
		Math.abs(job.lng) <= 180
	);
}

const coord = (x: number) => String(Math.round(x * 1e6) / 1e6 + 0);

export interface DirectionsLinks {
	google: string;
	waze: string;
}

/** Turn-by-turn directions from wherever the phone is to the customer's pin. */
export function directionsLinks(lat: number, lng: number): DirectionsLinks {
	const at = `${coord(lat)},${coord(lng)}`;
	return {
		google: `https://www.google.com/maps/dir/?api=1&destination=${at}`,
		waze: `https://waze.com/ul?ll=${at}&navigate=yes`
	};
}

/**
 * Okabe–Ito, the palette people with every common colour-vision deficiency can tell apart; the
 * yellow is left out because it vanishes on the light map tiles. Past seven technicians colours
 * repeat, so pins also carry the technician's initials in their label.
 */
export const TECHNICIAN_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000'] as const;
/** Jobs nobody is assigned to yet. */
export const UNASSIGNED_COLOR = '#767676';

/** Colours by the technicians' order (their names, alphabetically), stable for the whole page. */
export function technicianColors(technicianIds: readonly string[]): Map<string, string> {
	return new Map(technicianIds.map((id, i) => [id, TECHNICIAN_PALETTE[i % TECHNICIAN_PALETTE.length]]));
}

/** «Pedro Ramírez Chan» → «PR»: two letters that tell two technicians of the same colour apart. */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	return words
		.slice(0, 2)
		.map((w) => w[0]!.toLocaleUpperCase('es-MX'))
		.join('');
}

function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever reads better on a pin of colour `hex` ("#RRGGBB"). */
export function pinTextColor(hex: string): '#000000' | '#FFFFFF' {
	const l = luminance(hex);
	return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#FFFFFF';
}
