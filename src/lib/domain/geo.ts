/**
 * Coverage areas are GeoJSON drawn in geojson.io, Google Earth or QGIS. GeoJSON order is
 * [lng, lat]; our function signatures take (lat, lng) like the rest of the app, so watch the swap.
 */
export type Position = [lng: number, lat: number];
/** Outer ring first, then holes. */
export type Polygon = Position[][];
export type ServiceType = 'inalambrico' | 'fibra';

export type CoverageResult = { ok: true; polygons: Polygon[] } | { ok: false; error: string };

export interface CoverageArea {
	zoneId: string;
	zoneName: string;
	serviceType: ServiceType;
	polygons: Polygon[];
}

export interface ZoneSuggestion {
	zoneId: string;
	zoneName: string;
	serviceType: ServiceType;
}

/** An upload this large is almost always a mistake (a whole state's outline); simplify it first. */
export const MAX_COVERAGE_POINTS = 50_000;

const HINT = 'Exporta el área como GeoJSON (por ejemplo desde geojson.io) y vuelve a subirla.';

class CoverageError extends Error {}
function refuse(message: string): never {
	throw new CoverageError(message);
}

function readPosition(value: unknown, where: string): Position {
	if (!Array.isArray(value) || value.length < 2) refuse(`${where} no es un par [longitud, latitud]. ${HINT}`);
	const [lng, lat] = value;
	if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
		return refuse(`${where} tiene valores que no son números. ${HINT}`);
	}
	if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
		refuse(
			`${where} está fuera de rango (${lng}, ${lat}): en GeoJSON va primero la longitud y luego la latitud; revisa que no estén invertidas.`
		);
	}
	return [lng, lat];
}

function readPolygon(value: unknown, label: string, counter: { points: number }): Polygon {
	if (!Array.isArray(value) || value.length === 0) refuse(`El ${label} no tiene anillos de coordenadas. ${HINT}`);
	return (value as unknown[]).map((ring, r) => {
		const part = r === 0 ? `contorno del ${label}` : `hueco ${r} del ${label}`;
		const where = `El ${part}`;
		if (!Array.isArray(ring) || ring.length < 4) {
			refuse(`${where} necesita al menos 4 puntos (3 esquinas y el primero repetido al final). ${HINT}`);
		}
		counter.points += (ring as unknown[]).length;
		if (counter.points > MAX_COVERAGE_POINTS) {
			refuse(`El área tiene más de ${MAX_COVERAGE_POINTS} puntos: simplifícala (por ejemplo en mapshaper.org) y vuelve a subirla.`);
		}
		const points = (ring as unknown[]).map((p, i) => readPosition(p, `El punto ${i + 1} del ${part}`));
		const [first, last] = [points[0], points[points.length - 1]];
		if (first[0] !== last[0] || first[1] !== last[1]) {
			refuse(`${where} no está cerrado: el último punto debe ser igual al primero. ${HINT}`);
		}
		return points;
	});
}

function collect(node: unknown, out: Polygon[], counter: { points: number }): void {
	if (!node || typeof node !== 'object') refuse(`El archivo no es GeoJSON: falta el campo "type". ${HINT}`);
	const obj = node as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown; geometries?: unknown };
	const label = () => `polígono ${out.length + 1}`;
	switch (obj.type) {
		case 'Polygon':
			out.push(readPolygon(obj.coordinates, label(), counter));
			return;
		case 'MultiPolygon':
			if (!Array.isArray(obj.coordinates)) refuse(`El MultiPolygon no tiene coordenadas. ${HINT}`);
			for (const poly of obj.coordinates as unknown[]) out.push(readPolygon(poly, label(), counter));
			return;
		case 'Feature':
			// A marker for the tower or a cable route may sit beside the area; only polygons count.
			if (obj.geometry) collect(obj.geometry, out, counter);
			return;
		case 'FeatureCollection':
			if (!Array.isArray(obj.features)) refuse(`La FeatureCollection no tiene "features". ${HINT}`);
			for (const f of obj.features as unknown[]) collect(f, out, counter);
			return;
		case 'GeometryCollection':
			if (!Array.isArray(obj.geometries)) refuse(`La GeometryCollection no tiene "geometries". ${HINT}`);
			for (const g of obj.geometries as unknown[]) collect(g, out, counter);
			return;
		case 'Point':
		case 'MultiPoint':
		case 'LineString':
		case 'MultiLineString':
			return;
		default:
			refuse(`El tipo «${String(obj.type)}» no es GeoJSON válido. ${HINT}`);
	}
}

export function parseCoverageGeoJson(input: string | object | null | undefined): CoverageResult {
	let data: unknown = input;
	if (typeof input === 'string') {
		if (!input.trim()) return { ok: false, error: `El archivo está vacío. ${HINT}` };
		try {
			data = JSON.parse(input);
		} catch {
			return { ok: false, error: `El archivo no se puede leer como GeoJSON (JSON inválido). ${HINT}` };
		}
	}
	const polygons: Polygon[] = [];
	try {
		collect(data, polygons, { points: 0 });
	} catch (e) {
		if (e instanceof CoverageError) return { ok: false, error: e.message };
		throw e;
	}
	if (!polygons.length) {
		return { ok: false, error: `El archivo no trae ningún polígono: dibuja el área de cobertura como polígono. ${HINT}` };
	}
	return { ok: true, polygons };
}

/** Ray casting, counting crossings of a horizontal ray; points exactly on an edge may go either way. */
function inRing(lat: number, lng: number, ring: Position[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

export function pointInPolygon(lat: number, lng: number, polygon: Polygon): boolean {
	const [outer, ...holes] = polygon;
	if (!outer || !inRing(lat, lng, outer)) return false;
	return !holes.some((hole) => inRing(lat, lng, hole));
}

function ringArea(ring: Position[], cosLat: number): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += ring[j][0] * cosLat * ring[i][1] - ring[i][0] * cosLat * ring[j][1];
	}
	return Math.abs(sum) / 2;
}

/**
 * Relative size only (square degrees, longitude shrunk by cos(lat)); good enough to rank areas
 * a few kilometres across against each other.
 */
export function polygonArea(polygon: Polygon): number {
	const [outer, ...holes] = polygon;
	if (!outer?.length) return 0;
	const cosLat = Math.cos(((outer[0][1] ?? 0) * Math.PI) / 180);
	return ringArea(outer, cosLat) - holes.reduce((s, h) => s + ringArea(h, cosLat), 0);
}

/**
 * The zone for a location. Fiber wins over wireless when both reach the point (better service
 * and what the provider wants to sell); among equals the smallest containing area wins, since a
 * small area drawn inside a big one is the more specific answer.
 */
export function suggestZone(lat: number, lng: number, areas: readonly CoverageArea[]): ZoneSuggestion | null {
	let best: { area: CoverageArea; size: number } | null = null;
	for (const area of areas) {
		const containing = area.polygons.filter((p) => pointInPolygon(lat, lng, p));
		if (!containing.length) continue;
		const size = Math.min(...containing.map(polygonArea));
		if (!best || better(area, size, best.area, best.size)) best = { area, size };
	}
	return best ? { zoneId: best.area.zoneId, zoneName: best.area.zoneName, serviceType: best.area.serviceType } : null;
}

function better(a: CoverageArea, aSize: number, b: CoverageArea, bSize: number): boolean {
	if (a.serviceType !== b.serviceType) return a.serviceType === 'fibra';
	if (aSize !== bSize) return aSize < bSize;
	// Stable across calls whatever order the database returns areas in.
	return a.zoneName.localeCompare(b.zoneName, 'es') < 0;
}
