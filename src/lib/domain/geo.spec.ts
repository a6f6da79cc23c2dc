import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './geo';

const square = (lng: number, lat: number, size: number): sut.Polygon => [
	[
		[lng, lat],
		[lng + size, lat],
		[lng + size, lat + size],
		[lng, lat + size],
		[lng, lat]
	]
];
const withHole = (outer: sut.Polygon, hole: sut.Polygon): sut.Polygon => [outer[0], hole[0]];

const cancunSquare = square(-86.9, 21.1, 0.1); // lng -86.9..-86.8, lat 21.1..21.2

describe('parseCoverageGeoJson', () => {
	const polygon = { type: 'Polygon', coordinates: cancunSquare };

	it('accepts a Polygon, as an object or as text', () => {
		expect(sut.parseCoverageGeoJson(polygon)).toEqual({ ok: true, polygons: [cancunSquare] });
		expect(sut.parseCoverageGeoJson(JSON.stringify(polygon))).toEqual({ ok: true, polygons: [cancunSquare] });
	});

	it('accepts a MultiPolygon, a Feature, a FeatureCollection and a GeometryCollection', () => {
		const other = square(-86.85, 21.0, 0.05);
		const multi = { type: 'MultiPolygon', coordinates: [cancunSquare, other] };
		expect(sut.parseCoverageGeoJson(multi)).toEqual({ ok: true, polygons: [cancunSquare, other] });
		expect(sut.parseCoverageGeoJson({ type: 'Feature', properties: {}, geometry: polygon })).toEqual({
			ok: true,
			polygons: [cancunSquare]
		});
		const collection = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: { name: 'Torre' }, geometry: { type: 'Point', coordinates: [-86.85, 21.15] } },
				{ type: 'Feature', properties: {}, geometry: multi },
				{ type: 'Feature', properties: {}, geometry: null }
			]
		};
		expect(sut.parseCoverageGeoJson(collection)).toEqual({ ok: true, polygons: [cancunSquare, other] });
		expect(sut.parseCoverageGeoJson({ type: 'GeometryCollection', geometries: [polygon] })).toEqual({
			ok: true,
			polygons: [cancunSquare]
		});
	});

	it('drops altitude from three-number positions', () => {
		const ring = cancunSquare[0].map(([lng, lat]) => [lng, lat, 12]);
		expect(sut.parseCoverageGeoJson({ type: 'Polygon', coordinates: [ring] })).toEqual({ ok: true, polygons: [cancunSquare] });
	});

	it.each<[string, unknown, RegExp]>([
		['empty text', '   ', /^El archivo está vacío/],
		['broken JSON', '{"type": "Polygon",', /JSON inválido/],
		['not an object', 42, /falta el campo "type"/],
		['unknown type', { type: 'Circle' }, /«Circle» no es GeoJSON válido/],
		['only points', { type: 'Point', coordinates: [-86.85, 21.15] }, /no trae ningún polígono/],
		['empty collection', { type: 'FeatureCollection', features: [] }, /no trae ningún polígono/],
		[
			'ring too short',
			{
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 1],
						[0, 0]
					]
				]
			},
			/al menos 4 puntos/
		],
		[
			'ring not closed',
			{
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 0],
						[1, 1],
						[0, 1]
					]
				]
			},
			/no está cerrado: el último punto debe ser igual al primero/
		],
		[
			'hole not closed',
			{
				type: 'Polygon',
				coordinates: [
					cancunSquare[0],
					[
						[0, 0],
						[1, 0],
						[1, 1],
						[0, 1]
					]
				]
			},
			/^El hueco 1 del polígono 1 no está cerrado/
		],
		[
			'text as number',
			{
				type: 'Polygon',
				coordinates: [
					[
						['a', 0],
						[1, 0],
						[1, 1],
						['a', 0]
					]
				]
			},
			/^El punto 1 del contorno del polígono 1 tiene valores que no son números/
		],
		[
			'lat/lng swapped',
			{
				type: 'Polygon',
				coordinates: [
					[
						[21, -186],
						[21, -86],
						[22, -86],
						[21, -186]
					]
				]
			},
			/primero la longitud y luego la latitud/
		],
		['no coordinates', { type: 'Polygon' }, /^El polígono 1 no tiene anillos/],
		['no features', { type: 'FeatureCollection' }, /no tiene "features"/]
	])('refuses %s with a Spanish sentence', (_name, input, message) => {
		const r = sut.parseCoverageGeoJson(input as object);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(message);
	});

	it('refuses areas with too many points', () => {
		const n = sut.MAX_COVERAGE_POINTS + 1;
		const ring: sut.Position[] = Array.from({ length: n }, (_, i) => {
			const a = (2 * Math.PI * i) / (n - 1);
			return [Math.cos(a), Math.sin(a)];
		});
		ring[n - 1] = ring[0];
		const r = sut.parseCoverageGeoJson({ type: 'Polygon', coordinates: [ring] });
		expect(r.ok ? '' : r.error).toMatch(/simplifícala/);
	});

	it('property: every accepted polygon has closed rings of at least 4 in-range points', () => {
		const pos = fc.tuple(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }));
		const ring = fc
			.array(pos, { minLength: 2, maxLength: 8 })
			.chain((pts) => fc.boolean().map((close) => (close ? [...pts, pts[0]] : pts)));
		fc.assert(
			fc.property(fc.array(ring, { minLength: 1, maxLength: 3 }), (rings) => {
				const r = sut.parseCoverageGeoJson({ type: 'Polygon', coordinates: rings });
				if (!r.ok) {
					expect(r.error.length).toBeGreaterThan(20);
					return;
				}
				for (const poly of r.polygons) {
					for (const rg of poly) {
						expect(rg.length).toBeGreaterThanOrEqual(4);
						expect(rg[0]).toEqual(rg[rg.length - 1]);
						for (const [lng, lat] of rg) expect(Math.abs(lng) <= 180 && Math.abs(lat) <= 90).toBe(true);
					}
				}
			})
		);
	});
});

describe('pointInPolygon', () => {
	it.each<[number, number, boolean]>([
		[21.15, -86.85, true],
		[21.05, -86.85, false],
		[21.15, -86.95, false],
		[21.25, -86.85, false],
		[21.15, -86.75, false]
	])('(%s, %s) in the Cancún square → %s', (lat, lng, expected) => {
		expect(sut.pointInPolygon(lat, lng, cancunSquare)).toBe(expected);
	});

	it('excludes holes', () => {
		const holed = withHole(cancunSquare, square(-86.86, 21.14, 0.02));
		expect(sut.pointInPolygon(21.15, -86.85, holed)).toBe(false);
		expect(sut.pointInPolygon(21.11, -86.89, holed)).toBe(true);
	});

	it('handles a concave shape', () => {
		// An L: the notch at the top right is outside.
		const l: sut.Polygon = [
			[
				[0, 0],
				[2, 0],
				[2, 1],
				[1, 1],
				[1, 2],
				[0, 2],
				[0, 0]
			]
		];
		expect(sut.pointInPolygon(0.5, 0.5, l)).toBe(true);
		expect(sut.pointInPolygon(1.5, 1.5, l)).toBe(false);
		expect(sut.pointInPolygon(1.5, 0.5, l)).toBe(true);
	});

	it('an empty polygon contains nothing', () => {
		expect(sut.pointInPolygon(0, 0, [])).toBe(false);
	});

	const squareArb = fc.record({
		lng: fc.double({ min: -170, max: 160, noNaN: true }),
		lat: fc.double({ min: -80, max: 70, noNaN: true }),
		size: fc.double({ min: 1e-4, max: 10, noNaN: true })
	});

	it('property: a convex square contains its centre', () => {
		fc.assert(
			fc.property(squareArb, ({ lng, lat, size }) => {
				expect(sut.pointInPolygon(lat + size / 2, lng + size / 2, square(lng, lat, size))).toBe(true);
			})
		);
	});

	it('property: a point outside the bounding box is never inside', () => {
		const polygonArb = fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })), {
			minLength: 3,
			maxLength: 12
		});
		const far = fc.tuple(
			fc.constantFrom(-1, 1),
			fc.double({ min: 10.001, max: 89, noNaN: true }),
			fc.double({ min: -89, max: 89, noNaN: true }),
			fc.boolean()
		);
		fc.assert(
			fc.property(polygonArb, far, (pts, [sign, out, other, latSide]) => {
				const ring: sut.Position[] = [...pts, pts[0]];
				const [lat, lng] = latSide ? [sign * out, other] : [other, sign * out * 2];
				expect(sut.pointInPolygon(lat, lng, [ring])).toBe(false);
			})
		);
	});
});

describe('suggestZone', () => {
	const wide = { zoneId: 'z-rb1', zoneName: 'RB1 CENTRO DÍA 5', serviceType: 'inalambrico' as const, polygons: [cancunSquare] };
	const small = {
		zoneId: 'z-rb2',
		zoneName: 'RB2 NORTE DÍA 10',
		serviceType: 'inalambrico' as const,
		polygons: [square(-86.86, 21.14, 0.02)]
	};
	const fiber = { zoneId: 'z-fo', zoneName: 'FO SUR DÍA 28', serviceType: 'fibra' as const, polygons: [square(-87, 21, 0.5)] };

	it('returns null when no area covers the point', () => {
		expect(sut.suggestZone(19.43, -99.13, [wide, small, fiber])).toBeNull();
		expect(sut.suggestZone(21.15, -86.85, [])).toBeNull();
	});

	it('prefers fiber over wireless even when the fiber area is bigger', () => {
		expect(sut.suggestZone(21.15, -86.85, [wide, small, fiber])).toEqual({
			zoneId: 'z-fo',
			zoneName: 'FO SUR DÍA 28',
			serviceType: 'fibra'
		});
	});

	it('among the same service prefers the smallest containing area', () => {
		expect(sut.suggestZone(21.15, -86.85, [wide, small])?.zoneId).toBe('z-rb2');
		expect(sut.suggestZone(21.11, -86.89, [wide, small])?.zoneId).toBe('z-rb1');
	});

	it('does not depend on the order of the areas', () => {
		fc.assert(
			fc.property(fc.shuffledSubarray([wide, small, fiber], { minLength: 3, maxLength: 3 }), (areas) => {
				expect(sut.suggestZone(21.15, -86.85, areas)?.zoneId).toBe('z-fo');
			})
		);
	});

	it('ignores the part of a zone that is a hole', () => {
		const holed = { ...wide, polygons: [withHole(cancunSquare, square(-86.86, 21.14, 0.02))] };
		expect(sut.suggestZone(21.15, -86.85, [holed])).toBeNull();
	});
});

describe('polygonArea', () => {
	it('subtracts holes and shrinks longitude with latitude', () => {
		expect(sut.polygonArea(square(0, 0, 1))).toBeCloseTo(1, 3);
		expect(sut.polygonArea(withHole(square(0, 0, 2), square(0.5, 0.5, 1)))).toBeCloseTo(3, 2);
		expect(sut.polygonArea(square(0, 60, 1))).toBeCloseTo(0.5, 2);
	});
});
