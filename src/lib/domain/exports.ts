/**
 * Text the office takes out of the board: a RouterOS script to create the PPPoE secrets and CSV
 * files for spreadsheets. Both end up executed or opened by other programs, so every value is
 * escaped for its destination.
 */
import { isValidIp } from './ip-pools';

const NAMED_ESCAPES: Record<string, string> = {
	'\\': '\\\\',
	'"': '\\"',
	$: '\\$', // would expand a variable
	'?': '\\?', // would open help in the console
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\x07': '\\a',
	'\b': '\\b',
	'\f': '\\f',
	'\v': '\\v'
};

const utf8 = new TextEncoder();

/**
 * A RouterOS string literal. RouterOS reads 7-bit text only: other control characters and every
 * non-ASCII byte ("ñ" is C3 B1 in UTF-8) go as \XX with capital hex, as RouterOS's own export does.
 */
export function routerOsQuote(value: string): string {
	let out = '"';
	for (const ch of value) {
		const named = NAMED_ESCAPES[ch];
		if (named) {
			out += named;
			continue;
		}
		const code = ch.codePointAt(0)!;
		if (code >= 0x20 && code < 0x7f) {
			out += ch;
			continue;
		}
		for (const byte of utf8.encode(ch)) out += `\\${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return `${out}"`;
}

export interface PppSecret {
	name: string;
	password: string;
	profile?: string | null;
	remoteAddress?: string | null;
	comment?: string | null;
}

/** `/ppp secret add name="…" password="…" profile="…" remote-address=… comment="…" service=pppoe` */
export function pppSecretLine(secret: PppSecret): string {
	if (secret.name.trim() === '') {
		throw new RangeError('Falta el usuario PPPoE; genera o escribe el usuario antes de exportar.');
	}
	if (secret.password === '') {
		throw new RangeError(`Falta la contraseña PPPoE de «${secret.name}»; escríbela antes de exportar.`);
	}
	const parts = [`/ppp secret add name=${routerOsQuote(secret.name)}`, `password=${routerOsQuote(secret.password)}`];
	if (secret.profile) parts.push(`profile=${routerOsQuote(secret.profile)}`);
	if (secret.remoteAddress) {
		// Written bare, so it must be an address and nothing that could smuggle another command.
		if (!isValidIp(secret.remoteAddress)) {
			throw new RangeError(`La IP «${secret.remoteAddress}» de «${secret.name}» no es válida; corrígela antes de exportar.`);
		}
		parts.push(`remote-address=${secret.remoteAddress}`);
	}
	if (secret.comment) parts.push(`comment=${routerOsQuote(secret.comment)}`);
	parts.push('service=pppoe');
	return parts.join(' ');
}

function commentLine(text: string): string {
	// A line break would end the comment and turn the rest into a command.
	return `# ${text.replace(/[\r\n]+/g, ' ')}`;
}

/** A script to paste into the router's terminal or import with /import. */
export function routerOsScript(secrets: readonly PppSecret[], header: { title?: string; generatedOn?: string } = {}): string {
	const lines = [
		commentLine(header.title ?? 'Secretos PPPoE del tablero de instalaciones'),
		...(header.generatedOn ? [commentLine(`Generado: ${header.generatedOn}`)] : []),
		commentLine(`${secrets.length} ${secrets.length === 1 ? 'cliente' : 'clientes'}`),
		...secrets.map(pppSecretLine)
	];
	return `${lines.join('\n')}\n`;
}

export interface CsvColumn {
	key: string;
	label: string;
}

function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'bigint') return String(value);
	if (typeof value === 'boolean') return value ? 'Sí' : 'No';
	if (value instanceof Date) return value.toISOString();
	return JSON.stringify(value);
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, and tab or CR that some programs
 * strip first) gets a leading apostrophe. Only text: a real number like -5 is data, not a formula.
 */
function neutralise(text: string, raw: unknown): string {
	return typeof raw !== 'number' && typeof raw !== 'bigint' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
	// A semicolon is quoted too: Excel in a locale whose list separator is «;» splits on it.
	return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: comma-separated, CRLF line ends, quotes doubled inside quoted fields. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly CsvColumn[]): string {
	const line = (cells: string[]) => `${cells.map(csvField).join(',')}\r\n`;
	let out = line(columns.map((c) => neutralise(c.label, c.label)));
	for (const row of rows) {
		out += line(
			columns.map((c) => {
				const raw = row[c.key];
				return neutralise(cellText(raw), raw);
			})
		);
	}
	return out;
}

/** UTF-8 with a byte-order mark, so Excel opens accents and ñ correctly instead of guessing Latin-1. */
export function csvWithBom(text: string): Uint8Array {
	const body = utf8.encode(text);
	const bytes = new Uint8Array(body.length + 3);
	bytes.set([0xef, 0xbb, 0xbf]);
	bytes.set(body, 3);
	return bytes;
}
