import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './day-map';

const job = (id: string, installationTime: string | null, extra: Partial<sut.DayStopInput> = {}): sut.DayStopInput => ({
	id,
	folio: Number(id.replace(/\D/g, '')) || 1,
	installationTime,
	routeOrder: null,
	technicianId: 't1',
	lat: 21.16,
	lng: -86.85,
	...extra
});

describe('orderStops', () => {
	it('orders by time slot, parts of the day among clock times', () => {
		const list = [
			job('j1', 'tarde'),
			job('j2', '16:30'),
			job('j3', '08:00'),
			job('j4', null),
			job('j5', 'por la mañana'),
			job('j6', '9:30')
		];
		expect(sut.orderStops(list).map((j) => [j.id, j.order])).toEqual([
			['j3', 1],
			['j5', 2],
			['j6', 3],
			['j1', 4],
			['j2', 5],
			['j4', 6]
		]);
	});

	it('breaks ties by route order, then folio', () => {
		const list = [job('j9', '10:00'), job('j3', '10:00', { routeOrder: 2 }), job('j5', '10:00', { routeOrder: 1 }), job('j2', '10:00')];
		expect(sut.orderStops(list).map((j) => j.id)).toEqual(['j5', 'j3', 'j2', 'j9']);
	});

	it('numbers each technician’s stops from 1', () => {
		const list = [
			job('j1', '09:00', { technicianId: 'a' }),
			job('j2', '10:00', { technicianId: 'b' }),
			job('j3', '11:00', { technicianId: 'a' })
		];
		expect(sut.orderStops(list).map((j) => `${j.technicianId}${j.order}`)).toEqual(['a1', 'b1', 'a2']);
	});

	it('keeps every job, numbers 1..n per technician, whatever the input order', () => {
		const arb = fc.array(
			fc.record({
				time: fc.constantFrom(null, 'mañana', 'tarde', '08:00', '12:15', 'después de comer'),
				tech: fc.constantFrom('a', 'b', null),
				route: fc.option(fc.integer({ min: 1, max: 5 }))
			}),
			{ maxLength: 20 }
		);
		fc.assert(
			fc.property(arb, (specs) => {
				const list = specs.map((s, i) => job(`j${i + 1}`, s.time, { technicianId: s.tech, routeOrder: s.route }));
				const out = sut.orderStops(list);
				expect(out.map((j) => j.id).sort()).toEqual(list.map((j) => j.id).sort());
				for (const tech of ['a', 'b', null]) {
					const mine = out.filter((j) => j.technicianId === tech).map((j) => j.order);
					expect(mine).toEqual(mine.map((_, i) => i + 1));
				}
				expect(sut.orderStops([...list].reverse()).map((j) => j.id)).toEqual(out.map((j) => j.id));
			})
		);
	});
});

describe('hasCoordinates', () => {
	it.each([
		[{ lat: 21.16, lng: -86.85 }, true],
		[{ lat: 0, lng: 0 }, true],
		[{ lat: null, lng: -86.85 }, false],
		[{ lat: 21.16, lng: null }, false],
		[{ lat: Number.NaN, lng: 1 }, false],
		[{ lat: 91, lng: 1 }, false]
	])('%j → %s', (point, expected) => {
		expect(sut.hasCoordinates(point)).toBe(expected);
	});
});

describe('directionsLinks', () => {
	it('builds Google Maps and Waze directions to the pin', () => {
		expect(sut.directionsLinks(21.1619, -86.8515)).toEqual({
			google: 'https://www.google.com/maps/dir/?api=1&destination=21.1619,-86.8515',
			waze: 'https://waze.com/ul?ll=21.1619,-86.8515&navigate=yes'
		});
	});

	it('rounds to six decimals and never writes -0', () => {
		expect(sut.directionsLinks(21.123456789, -0.0000001).google).toBe('https://www.google.com/maps/dir/?api=1&destination=21.123457,0');
	});
});

describe('technician colours', () => {
	it('gives distinct palette colours in order and repeats past the palette', () => {
		const ids = Array.from({ length: sut.TECHNICIAN_PALETTE.length + 1 }, (_, i) => `t${i}`);
		const colors = sut.technicianColors(ids);
		expect(new Set(ids.slice(0, -1).map((id) => colors.get(id))).size).toBe(sut.TECHNICIAN_PALETTE.length);
		expect(colors.get(ids.at(-1)!)).toBe(sut.TECHNICIAN_PALETTE[0]);
		expect(sut.TECHNICIAN_PALETTE).not.toContain(sut.UNASSIGNED_COLOR);
	});

	it('writes the pin number in black or white, whichever contrasts at least 4.5:1', () => {
		expect(sut.pinTextColor('#0072B2')).toBe('#FFFFFF');
		expect(sut.pinTextColor('#000000')).toBe('#FFFFFF');
		expect(sut.pinTextColor('#E69F00')).toBe('#000000');
		expect(sut.pinTextColor('#56B4E9')).toBe('#000000');
		expect(sut.pinTextColor('#FFFFFF')).toBe('#000000');
	});

	it('takes two initials', () => {
		expect(sut.initials('Pedro Ramírez Chan')).toBe('PR');
		expect(sut.initials('  ángel ')).toBe('Á');
	});
});
