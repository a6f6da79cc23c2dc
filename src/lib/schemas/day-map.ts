import { z } from 'zod';
import { civilDateSchema } from './common';
import type { TileSource } from '$lib/domain/map-tiles';
import type { Polygon, ServiceType } from '$lib/domain/geo';
import type { Stage } from '$lib/domain/stages';
import type { DirectionsLinks } from '$lib/domain/day-map';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** The day map's address: `?fecha=AAAA-MM-DD`, today when missing. */
export const dayMapQuerySchema = z.object({
	fecha: z.preprocess(
		blankToUndefined,
		civilDateSchema('La fecha del mapa no es válida: elige un día en el calendario (AAAA-MM-DD).').optional()
	)
});

/** One visit of the day as the map and its list show it. */
export interface DayStop {
	id: string;
	folio: number;
	/** The technician's n-th stop of the day. */
	order: number;
	stage: Stage;
	done: boolean;
	fullName: string;
	address: string;
	comments: string | null;
	installationTime: string | null;
	technicianId: string | null;
	technicianName: string | null;
	zoneName: string | null;
	/** Null when the card has no coordinates yet: listed, not pinned. */
	point: { lat: number; lng: number; directions: DirectionsLinks } | null;
}

export interface DayMapTechnician {
	id: string | null;
	name: string | null;
	color: string;
	/** The pin number's colour on `color`. */
	text: string;
	initials: string;
}

export interface DayMapArea {
	zoneName: string;
	serviceType: ServiceType;
	polygons: Polygon[];
}

export interface DayMapView {
	date: string;
	today: string;
	prev: string;
	next: string;
	stops: DayStop[];
	technicians: DayMapTechnician[];
	areas: DayMapArea[];
	tiles: Pick<TileSource, 'url' | 'attribution'>;
}
