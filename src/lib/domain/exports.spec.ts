import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvWithBom, pppSecretLine, routerOsQuote, routerOsScript, toCsv } from './exports';

/** Reads a RouterOS string literal back, to check that quoting loses nothing. */
function routerOsUnquote(literal: string): string {
	expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
	const body = literal.slice(1, -1);
	const bytes: number[] = [];
	const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v' };
	for (let i = 0; i < body.length; i++) {
		const ch = body[i];
		if (ch === '"' || ch === '$' || ch === '?') throw new Error(`unescaped ${ch} at ${i}`);
		if (ch !== '\\') {
			bytes.push(ch.charCodeAt(0));
			continue;
		}
		const next = body[++i];
		if (/[0-9A-F]/.test(next) && /[0-9A-F]/.test(body[i + 1] ?? '')) {
			bytes.push(parseInt(next + body[++i], 16));
		} else {
			bytes.push((named[next] ?? next).charCodeAt(0));
		}
	}
	return new TextDecoder().decode(new Uint8Array(bytes));
}

describe('routerOsQuote', () => {
	it.each([
		['cocom2024MB', '"cocom2024MB"'],
		['Juan Cocom', '"Juan Cocom"'],
		['pa"ss', '"pa\\"ss"'],
		['a\\b', '"a\\\\b"'],
		['$precio', '"\\$precio"'],
		['¿qué?', '"\\C2\\BFqu\\C3\\A9\\?"'],
		['Peña', '"Pe\\C3\\B1a"'],
		['línea 1\nlínea 2\ttab', '"l\\C3\\ADnea 1\\nl\\C3\\ADnea 2\\ttab"'],
		['\x00\x1b\x7f', '"\\00\\1B\\7F"'],
		['', '""']
	])('%j → %s', (value, expected) => {
		expect(routerOsQuote(value)).toBe(expected);
	});

	it('produces only printable ASCII, never an unescaped quote, $ or ?, and loses nothing', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (value) => {
				const quoted = routerOsQuote(value);
				expect(quoted).toMatch(/^"[\x20-\x7e]*"$/);
				expect(routerOsUnquote(quoted)).toBe(value);
			})
		);
	});
});

describe('pppSecretLine', () => {
	it('writes the secret with every value quoted', () => {
		expect(
			pppSecretLine({
				name: '9981234567',
				password: '9981234567M',
				profile: '60 Mbps',
				remoteAddress: '10.20.0.15',
				comment: 'Juan "El Güero" Cocom $ RB3'
			})
		).toBe(
			'/ppp secret add name="9981234567" password="9981234567M" profile="60 Mbps" remote-address=10.20.0.15 comment="Juan \\"El G\\C3\\BCero\\" Cocom \\$ RB3" service=pppoe'
		);
	});

	it('leaves out what is not set', () => {
		expect(pppSecretLine({ name: 'u', password: 'p' })).toBe('/ppp secret add name="u" password="p" service=pppoe');
	});

	it('refuses a missing user, password or a bad IP in Spanish', () => {
		expect(() => pppSecretLine({ name: ' ', password: 'p' })).toThrow(/Falta el usuario PPPoE/);
		expect(() => pppSecretLine({ name: 'u', password: '' })).toThrow(/Falta la contraseña PPPoE de «u»/);
		expect(() => pppSecretLine({ name: 'u', password: 'p', remoteAddress: '1.2.3.4; /system reset' })).toThrow(/no es válida/);
	});
});

describe('routerOsScript', () => {
	it('starts with a header comment and has one line per secret', () => {
		const script = routerOsScript(
			[
				{ name: 'a', password: '1' },
				{ name: 'b', password: '2' }
			],
			{ title: 'RB3 ZONA SUR\n/system reset', generatedOn: '2026-11-21' }
		);
		expect(script.split('\n')).toEqual([
			'# RB3 ZONA SUR /system reset',
			'# Generado: 2026-11-21',
			'# 2 clientes',
			'/ppp secret add name="a" password="1" service=pppoe',
			'/ppp secret add name="b" password="2" service=pppoe',
			''
		]);
		expect(routerOsScript([]).split('\n')[0]).toBe('# Secretos PPPoE del tablero de instalaciones');
	});
});

describe('toCsv', () => {
	const columns = [
		{ key: 'name', label: 'Nombre' },
		{ key: 'amount', label: 'Monto' },
		{ key: 'note', label: 'Nota' }
	];

	it('quotes per RFC 4180 with CRLF', () => {
		expect(
			toCsv(
				[
					{ name: 'Peña, José', amount: 1500, note: 'dijo "sí"' },
					{ name: 'Ana', amount: null, note: 'línea 1\nlínea 2' },
					{ name: 'Luis', amount: -5, note: true }
				],
				columns
			)
		).toBe('Nombre,Monto,Nota\r\n"Peña, José",1500,"dijo ""sí"""\r\nAna,,"línea 1\nlínea 2"\r\nLuis,-5,Sí\r\n');
	});

	it.each([
		['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
		['+52 998 123 4567', "'+52 998 123 4567"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t=1"],
		['Cocom', 'Cocom'],
		['Volante; puerta a puerta', '"Volante; puerta a puerta"']
	])('neutralises formula %j', (value, cell) => {
		expect(toCsv([{ v: value }], [{ key: 'v', label: 'V' }])).toBe(`V\r\n${cell}\r\n`);
	});

	it('every row has as many fields as columns, whatever the text', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 10 }), (pairs) => {
				const csv = toCsv(
					pairs.map(([a, b]) => ({ a, b })),
					[
						{ key: 'a', label: 'A' },
						{ key: 'b', label: 'B' }
					]
				);
				expect(csv.endsWith('\r\n')).toBe(true);
				// Outside quotes, commas separate fields and CRLF separates records.
				let fields = 1;
				let quoted = false;
				const perRow: number[] = [];
				for (let i = 0; i < csv.length; i++) {
					const ch = csv[i];
					if (ch === '"') quoted = !quoted;
					else if (!quoted && ch === ',') fields++;
					else if (!quoted && ch === '\r' && csv[i + 1] === '\n') {
						perRow.push(fields);
						fields = 1;
						i++;
					}
				}
				expect(perRow).toEqual(Array(pairs.length + 1).fill(2));
			})
		);
	});
});

describe('csvWithBom', () => {
	it('starts with EF BB BF and encodes accents as UTF-8', () => {
		const bytes = csvWithBom('á,ñ\r\n');
		expect(Array.from(bytes)).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0xa1, 0x2c, 0xc3, 0xb1, 0x0d, 0x0a]);
		expect(bytes).toBeInstanceOf(Uint8Array);
	});

	it('decodes back to the same text', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const bytes = csvWithBom(text);
				expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
				expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)).toBe(text);
			})
		);
	});
});
