import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './coordinates';

const CANCUN = { ok: true, lat: 21.1619, lng: -86.8515 };

describe('parseCoordinates: accepted shapes', () => {
	it.each([
		'21.1619, -86.8515',
		'21.1619,-86.8515',
		'21.1619 -86.8515',
		'21.1619;-86.8515',
		'21.1619-86.8515',
		'  21.1619 ,   -86.8515  ',
		'21.1619° N, 86.8515° W',
		'21.1619°N 86.8515°W',
		'21.1619 N 86.8515 O',
		'N 21.1619 W 86.8515',
		'86.8515° W, 21.1619° N',
		'Latitud: 21.1619, Longitud: -86.8515',
		'lat=21.1619 lng=-86.8515',
		'Mi ubicación es 21.1619, -86.8515 gracias',
		'21.16190000001, -86.85149999999',
		'https://www.google.com/maps/@21.1619,-86.8515,17z',
		'https://www.google.com/maps/place/Casa/@21.10,-86.80,15z/data=!3m1!4b1!4m5!3m4!1s0x0:0x0!8m2!3d21.1619!4d-86.8515',
		'https://www.google.com/maps/place/21.1619,-86.8515/@21.1000,-86.8000,17z',
		'https://www.google.com/maps?q=21.1619,-86.8515',
		'https://maps.google.com/?q=21.1619,-86.8515',
		'https://maps.google.com/?ll=21.1619,-86.8515&z=16',
		'https://maps.google.com/maps?q=21.1619%2C-86.8515&z=17&hl=es',
		'https://maps.google.com/maps?q=21.1619%252C-86.8515&z=17',
		'https://www.google.com/maps/search/21.1619,+-86.8515?entry=tts',
		'https://www.google.com/maps/search/?api=1&query=21.1619,-86.8515',
		'https://www.google.com/maps/search/?api=1&query=21.1619%2C-86.8515',
		'https://www.google.com/maps/dir/?api=1&destination=21.1619,-86.8515',
		'https://maps.google.com/?q=loc:21.1619,-86.8515',
		'https://maps.apple.com/?ll=21.1619,-86.8515&q=Casa',
		'https://www.openstreetmap.org/?mlat=21.1619&mlon=-86.8515#map=17/21.1619/-86.8515',
		'geo:21.1619,-86.8515?z=17',
		'Ubicación: https://maps.google.com/maps?q=21.1619%2C-86.8515&z=17&hl=es y https://maps.app.goo.gl/xyz'
	])('%s', (input) => {
		expect(sut.parseCoordinates(input)).toEqual(CANCUN);
	});

	it('reads degrees, minutes and seconds copied from a Google Maps pin', () => {
		expect(sut.parseCoordinates(`21°09'42.8"N 86°51'05.4"W`)).toEqual({ ok: true, lat: 21.161889, lng: -86.8515 });
		expect(sut.parseCoordinates(`21° 9' 42.84" N, 86° 51' 5.4" W`)).toEqual({ ok: true, lat: 21.1619, lng: -86.8515 });
	});

	it('rounds to 6 decimals and never returns -0', () => {
		expect(sut.parseCoordinates('21.12345678, -86.87654321')).toEqual({ ok: true, lat: 21.123457, lng: -86.876543 });
		const r = sut.parseCoordinates('-0.0000001, 0.5');
		expect(r.ok && Object.is(r.lat, 0)).toBe(true);
	});

	it('accepts integers in links and with degree marks', () => {
		expect(sut.parseCoordinates('https://maps.google.com/?q=21,-86')).toEqual({ ok: true, lat: 21, lng: -86 });
		expect(sut.parseCoordinates('21° N, 86° W')).toEqual({ ok: true, lat: 21, lng: -86 });
	});
});

describe('parseCoordinates: refusals say what to do', () => {
	it.each<[string | null, sut.CoordinatesErrorCode, RegExp]>([
		['', 'empty', /^Pega las coordenadas/],
		[null, 'empty', /^Pega las coordenadas/],
		['https://maps.app.goo.gl/AbCd123XyZ', 'short_link', /enlaces cortos.*copia el enlace completo o las coordenadas/],
		['https://goo.gl/maps/AbCd123', 'short_link', /enlaces cortos/],
		['7622+3X Cancún', 'plus_code', /7622\+3X.*pide al cliente/],
		['https://www.google.com/maps/place/Plaza+Las+Americas/', 'not_found', /^Ese enlace no trae coordenadas/],
		['hola', 'not_found', /^No encontramos coordenadas: pega algo como/],
		['Calle 12, 34', 'not_found', /^No encontramos coordenadas/],
		['998 123 4567', 'not_found', /^No encontramos coordenadas/],
		['21.16 N, 86.85 S', 'not_found', /^No encontramos coordenadas/],
		[`21°09'72"N 86°51'05"W`, 'not_found', /minutos y segundos sean menores a 60/],
		['95.1, -86.85', 'out_of_range', /^La latitud 95\.1 está fuera de rango \(va de -90 a 90\)/],
		['21.16, -186.85', 'out_of_range', /^La longitud -186\.85 está fuera de rango \(va de -180 a 180\)/],
		['https://www.google.com/maps/@121.16,-86.85,17z', 'out_of_range', /latitud/],
		[`21.1619, -86.8515 ${'x'.repeat(sut.MAX_INPUT_LENGTH)}`, 'not_found', /^El texto es demasiado largo/]
	])('%j → %s', (input, code, message) => {
		const r = sut.parseCoordinates(input);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.code).toBe(code);
		expect(r.error).toMatch(message);
	});
});

const micro = (max: number) => fc.integer({ min: -max * 1e6, max: max * 1e6 }).map((n) => n / 1e6);

const shapes: [string, (lat: number, lng: number) => string][] = [
	['comma space', (a, b) => `${a.toFixed(6)}, ${b.toFixed(6)}`],
	['comma', (a, b) => `${a.toFixed(6)},${b.toFixed(6)}`],
	['space', (a, b) => `${a.toFixed(6)} ${b.toFixed(6)}`],
	['hemispheres', (a, b) => `${Math.abs(a).toFixed(6)}° ${a < 0 ? 'S' : 'N'}, ${Math.abs(b).toFixed(6)}° ${b < 0 ? 'W' : 'E'}`],
	['@ link', (a, b) => `https://www.google.com/maps/@${a},${b},17z`],
	['q= link', (a, b) => `https://www.google.com/maps?q=${a},${b}`],
	['maps.google.com q=', (a, b) => `https://maps.google.com/?q=${a},${b}`],
	['ll=', (a, b) => `https://maps.google.com/?ll=${a},${b}&z=15`],
	['api=1 query=', (a, b) => `https://www.google.com/maps/search/?api=1&query=${a},${b}`],
	['WhatsApp %2C', (a, b) => `https://maps.google.com/maps?q=${a}%2C${b}&z=17&hl=es`],
	['WhatsApp search', (a, b) => `https://www.google.com/maps/search/${a},+${b}?entry=tts`],
	['text around', (a, b) => `Aquí está: ${a.toFixed(6)}, ${b.toFixed(6)} saludos`],
	['formatCoordinates', (a, b) => sut.formatCoordinates(a, b)],
	['googleMapsLink', (a, b) => sut.googleMapsLink(a, b)],
	[
		'DMS',
		(a, b) => {
			const dms = (v: number, pos: string, neg: string) => {
				const abs = Math.abs(v);
				const d = Math.floor(abs);
				const m = Math.floor((abs - d) * 60);
				const s = ((abs - d) * 60 - m) * 60;
				return `${d}°${m}'${s.toFixed(4)}"${v < 0 ? neg : pos}`;
			};
			return `${dms(a, 'N', 'S')} ${dms(b, 'E', 'W')}`;
		}
	]
];

describe('parseCoordinates: properties', () => {
	it.each(shapes)('property: %s round-trips within 1e-6', (_name, format) => {
		fc.assert(
			fc.property(micro(90), micro(180), (lat, lng) => {
				const r = sut.parseCoordinates(format(lat, lng));
				expect(r.ok).toBe(true);
				if (!r.ok) return;
				expect(Math.abs(r.lat - lat)).toBeLessThanOrEqual(1e-6 + 1e-12);
				expect(Math.abs(r.lng - lng)).toBeLessThanOrEqual(1e-6 + 1e-12);
			})
		);
	});

	it('property: out-of-range values are always refused', () => {
		const outLat = fc.double({ min: 90.000001, max: 999, noNaN: true }).map((v) => v);
		const outLng = fc.double({ min: 180.000001, max: 999, noNaN: true });
		const sign = fc.boolean();
		fc.assert(
			fc.property(
				fc.oneof(
					fc.tuple(outLat, sign, micro(180)).map(([v, neg, lng]) => [neg ? -v : v, lng] as const),
					fc.tuple(micro(90), outLng, sign).map(([lat, v, neg]) => [lat, neg ? -v : v] as const)
				),
				fc.constantFrom(...shapes.slice(0, 12)),
				([lat, lng], [, format]) => {
					expect(sut.parseCoordinates(format(lat, lng)).ok).toBe(false);
				}
			)
		);
	});

	it('property: any success is in range with at most 6 decimals', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 60 }), (s) => {
				const r = sut.parseCoordinates(s);
				if (!r.ok) {
					expect(r.error.length).toBeGreaterThan(20);
					return;
				}
				expect(Math.abs(r.lat) <= 90 && Math.abs(r.lng) <= 180).toBe(true);
				expect(Math.round(r.lat * 1e6) / 1e6).toBe(r.lat);
			})
		);
	});
});
