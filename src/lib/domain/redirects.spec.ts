import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { homeFor, safeNextPath as sut } from './redirects';

const ORIGIN = 'http://localhost:3000';
/** What a browser would do with the answer as a Location header on this app's login page. */
const landsOn = (location: string) => new URL(location, `${ORIGIN}/login`).origin;

describe('safeNextPath', () => {
	it.each([
		'/calendario',
		'/tablero?zona=centro&etapa=agendada',
		'/instalaciones/3f2a?x=%2F%2Fevil#notas',
		'/usuarios',
		'/a/b/../c',
		'/%255Cevil.example'
	])('keeps the app path %j', (next) => {
		expect(sut(next)).toBe(next);
		expect(landsOn(sut(next))).toBe(ORIGIN);
	});

	it.each([
		['missing', null],
		['empty', ''],
		['protocol-relative', '//evil.example'],
		['protocol-relative with path', '//evil.example/tablero'],
		['slash backslash', '/\\evil.example'],
		['backslash slash', '\\/evil.example'],
		['two backslashes', '\\\\evil.example'],
		['slash two backslashes', '/\\\\evil.example'],
		['decoded %5C (what searchParams gives for /%5Cevil)', decodeURIComponent('/%5Cevil.example')],
		['percent-encoded slashes, decoded', decodeURIComponent('/%2F%2Fevil.example')],
		['three slashes', '///evil.example'],
		['absolute https', 'https://evil.example'],
		['absolute http', 'http://evil.example/tablero'],
		['scheme without slashes', 'https:evil.example'],
		['javascript URL', 'javascript:alert(document.cookie)'],
		['javascript after slash', '/javascript:alert(1)//\n'],
		['data URL', 'data:text/html,<script>alert(1)</script>'],
		['tab between slashes', '/\t/evil.example'],
		['newline between slashes', '/\n/evil.example'],
		['carriage return between slashes', '/\r/evil.example'],
		['leading tab', '\t//evil.example'],
		['leading space', ' //evil.example'],
		['CRLF header injection', '/tablero\r\nSet-Cookie: session=robada'],
		['NUL', '/tablero\0'],
		['DEL', '/tablero\x7f'],
		['vertical tab', '/\x0b/evil.example'],
		['form feed', '/\f/evil.example'],
		['unicode line separator', '/\u2028/evil.example'],
		['fullwidth solidus', '/\uff0f\uff0fevil.example'],
		['non-ASCII', '/tablero?q=ñ'],
		['inner space', '/tablero?q=a b'],
		['dot segment to empty host', '/.//evil.example'],
		['encoded dot segment to empty host', '/%2e//evil.example'],
		['relative path', 'tablero'],
		['dot relative', './tablero'],
		['very long', '/' + 'a'.repeat(5000)]
	])('refuses %s', (_label, next) => {
		expect(sut(next)).toBe('/tablero');
	});

	it('uses the fallback it is given', () => {
		expect(sut('//evil.example', '/tecnico')).toBe('/tecnico');
	});

	it('never answers a location that leaves the origin, whatever the input', () => {
		const piece = fc.constantFrom(
			'/',
			'\\',
			'//',
			'\t',
			'\n',
			'\r',
			'%2F',
			'%5C',
			'%2e',
			'.',
			'..',
			':',
			'@',
			'evil.example',
			'https:',
			'javascript:',
			' ',
			'\0',
			'?',
			'#'
		);
		fc.assert(
			fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 8 }), (parts) => {
				expect(landsOn(sut(parts.join('')))).toBe(ORIGIN);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('homeFor', () => {
	it('starts a technician on their jobs and every other role on the board', () => {
		expect(homeFor('technician')).toBe('/tecnico');
		for (const role of ['admin', 'coordinator', 'agent']) expect(homeFor(role)).toBe('/tablero');
	});
});
