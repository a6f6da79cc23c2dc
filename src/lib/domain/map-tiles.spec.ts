import { describe, expect, it } from 'vitest';
import * as sut from './map-tiles';

describe('parseTileSource', () => {
	it('defaults to OpenStreetMap with its attribution', () => {
		expect(sut.parseTileSource(undefined, undefined)).toEqual({
			ok: true,
			source: { url: sut.DEFAULT_TILE_URL, attribution: '© OpenStreetMap contributors', origin: 'https://tile.openstreetmap.org' }
		});
		expect(sut.parseTileSource('  ', '')).toMatchObject({ ok: true, source: { origin: 'https://tile.openstreetmap.org' } });
	});

	it('takes a provider’s own server and its port as the origin', () => {
		expect(sut.parseTileSource('http://127.0.0.1:5317/{z}/{x}/{y}.png', 'Mapas de prueba')).toEqual({
			ok: true,
			source: { url: 'http://127.0.0.1:5317/{z}/{x}/{y}.png', attribution: 'Mapas de prueba', origin: 'http://127.0.0.1:5317' }
		});
	});

	it('turns {s} subdomains into a wildcard host', () => {
		const r = sut.parseTileSource('https://{s}.tiles.example.com/osm/{z}/{x}/{y}.png?key=abc', '© Example');
		expect(r).toMatchObject({ ok: true, source: { origin: 'https://*.tiles.example.com' } });
	});

	it.each([
		['https://tiles.example.com/{z}/{x}.png', '© X', /\{y\}/],
		['javascript:alert(1)//{z}/{x}/{y}', '© X', /https/],
		['no es url {z}{x}{y}', '© X', /no es una dirección válida/],
		['https://user:pw@tiles.example.com/{z}/{x}/{y}.png', '© X', /usuario/],
		['https://tiles.{s}.example.com/{z}/{x}/{y}.png', '© X', /\{s\}/],
		['https://tiles.example.com/{z}/{x}/{y}.png', '', /MAP_ATTRIBUTION/]
	])('refuses %s with a Spanish reason', (url, attribution, message) => {
		const r = sut.parseTileSource(url, attribution);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(message);
	});
});

describe('allowTileImages', () => {
	const policy = "default-src 'self'; img-src 'self' data: blob:; script-src 'self' 'nonce-abc'";

	it('adds exactly the origin to img-src and nothing else', () => {
		expect(sut.allowTileImages(policy, 'https://tile.openstreetmap.org')).toBe(
			"default-src 'self'; img-src 'self' data: blob: https://tile.openstreetmap.org; script-src 'self' 'nonce-abc'"
		);
	});

	it('is idempotent and leaves a policy without img-src alone', () => {
		const once = sut.allowTileImages(policy, 'http://127.0.0.1:5317');
		expect(sut.allowTileImages(once, 'http://127.0.0.1:5317')).toBe(once);
		expect(sut.allowTileImages('frame-ancestors *', 'http://127.0.0.1:5317')).toBe('frame-ancestors *');
	});
});
