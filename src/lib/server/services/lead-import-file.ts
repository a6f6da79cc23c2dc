import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { IMPORT_MAX_BYTES, IMPORT_MAX_CELL, IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS } from '$lib/domain/lead-import';
import { ServiceError } from './errors';

/** A file as the person sent it. */
export interface ImportFile {
	name: string;
	bytes: Uint8Array;
}

/** A file's rows, each with its line (CSV) or row number (Excel) as the person sees it there. */
export interface ImportTable {
	headers: string[];
	rows: { line: number; cells: string[] }[];
}

const refuse = (message: string) => new ServiceError(400, message);

/**
 * A CSV's text: UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise Windows-1252,
 * what Excel on a Spanish Windows writes with «CSV (delimitado por comas)».
 */
export function decodeCsv(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/** The separator of the header line: «;» (Excel in Spanish), «,» or a tab, whichever it has most of outside quotes. */
export function csvDelimiter(text: string): string {
	const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && ch in counts) counts[ch]++;
	}
	return Object.entries(counts).reduce((best, cur) => (cur[1] > best[1] ? cur : best), [',', 0])[0];
}

const blank = (cells: string[]) => cells.every((c) => c.trim() === '');

function checkShape(headers: string[], rows: ImportTable['rows']): ImportTable {
	if (!headers.some((h) => h.trim()))
		throw refuse('El archivo está vacío: la primera fila debe tener los títulos de las columnas (Nombre, Teléfono…).');
	if (headers.length > IMPORT_MAX_COLUMNS) throw refuse(`El archivo tiene demasiadas columnas (máximo ${IMPORT_MAX_COLUMNS}).`);
	if (rows.length === 0) throw refuse('El archivo no tiene clientes: solo trae la fila de títulos.');
	if (rows.length > IMPORT_MAX_ROWS) {
		throw refuse(
			`El archivo tiene ${rows.length.toLocaleString('es-MX')} filas; el máximo es ${IMPORT_MAX_ROWS.toLocaleString('es-MX')}. Divídelo en varios archivos.`
		);
	}
	for (const row of rows) {
		if (row.cells.some((c) => c.length > IMPORT_MAX_CELL)) {
			throw refuse(`La línea ${row.line} tiene un dato demasiado largo (más de ${IMPORT_MAX_CELL} caracteres): revisa el archivo.`);
		}
	}
	return { headers: headers.map((h) => h.trim()), rows };
}

/** Rows of a CSV text; the first row is the headers. Empty lines are skipped but still counted. */
export function parseCsv(text: string): ImportTable {
	const source = text.replace(/^\uFEFF/, '');
	const newline = source.includes('\n') ? '\n' : '\r';
	const parsed: { cells: string[]; start: number }[] = [];
	let start = 0;
	Papa.parse<string[]>(source, {
		delimiter: csvDelimiter(source),
		skipEmptyLines: false,
		step: (r) => {
			parsed.push({ cells: r.data.map((c) => String(c ?? '')), start });
			start = r.meta.cursor;
		}
	});
	// The line a row starts on: newlines before it, counted once as we walk forward.
	let line = 1;
	let seen = 0;
	const lineAt = (pos: number) => {
		for (let i = seen; i < pos; i++) if (source[i] === newline) line++;
		seen = Math.max(seen, pos);
		return line;
	};
	const numbered = parsed.map((p) => ({ line: lineAt(p.start), cells: p.cells }));
	const first = numbered.findIndex((r) => !blank(r.cells));
	if (first < 0) return checkShape([], []);
	return checkShape(
		numbered[first].cells,
		numbered.slice(first + 1).filter((r) => !blank(r.cells))
	);
}

/** A cell as it reads on screen: dates as AAAA-MM-DD, numbers without thousands separators, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((t) => t.text).join('');
		if ('text' in value) return String(value.text);
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
		if ('error' in value) return '';
		return '';
	}
	return String(value);
}

/** Rows of the first sheet of an .xlsx; line = the row number Excel shows. */
export async function parseXlsx(bytes: Uint8Array): Promise<ImportTable> {
	const book = new ExcelJS.Workbook();
	try {
		await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	} catch {
		throw refuse('No se pudo leer el archivo de Excel: ábrelo y guárdalo otra vez como .xlsx o como CSV.');
	}
	const sheet = book.worksheets[0];
	if (!sheet) throw refuse('El archivo de Excel no tiene hojas con datos.');
	const rows: ImportTable['rows'] = [];
	let width = 0;
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		if (rows.length > IMPORT_MAX_ROWS + 1) return;
		const cells: string[] = [];
		row.eachCell({ includeEmpty: true }, (cell, col) => {
			if (col <= IMPORT_MAX_COLUMNS + 1) cells[col - 1] = cellText(cell.value).trim();
		});
		for (let i = 0; i < cells.length; i++) cells[i] ??= '';
		width = Math.max(width, cells.length);
		if (!blank(cells)) rows.push({ line: number, cells });
	});
	if (rows.length === 0) return checkShape([], []);
	const [head, ...body] = rows;
	const headers = Array.from({ length: Math.max(head.cells.length, 0) }, (_, i) => head.cells[i] ?? '');
	return checkShape(headers, body);
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** The file's table, or a Spanish 400 saying what to send instead. */
export async function readImportFile(file: ImportFile): Promise<ImportTable> {
	if (file.bytes.byteLength === 0) throw refuse('Elige un archivo CSV o de Excel (.xlsx) con tus clientes.');
	if (file.bytes.byteLength > IMPORT_MAX_BYTES) {
		throw refuse(
			`El archivo pesa más de ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Divídelo en varios archivos o quita columnas que no se usan.`
		);
	}
	const ext = file.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
	if (ext === 'xls' || startsWith(file.bytes, OLE)) {
		throw refuse('Los archivos .xls (Excel 97-2003) no se pueden leer: ábrelo en Excel y guárdalo como .xlsx o como CSV.');
	}
	if (ext === 'xlsx') {
		if (!startsWith(file.bytes, ZIP)) throw refuse('Ese archivo no es un Excel .xlsx válido: guárdalo otra vez como .xlsx o como CSV.');
		return parseXlsx(file.bytes);
	}
	if (ext === 'csv' || ext === 'txt') {
		if (startsWith(file.bytes, ZIP) || file.bytes.includes(0))
			throw refuse('Ese archivo no es un CSV de texto: guárdalo como CSV o como .xlsx.');
		return parseCsv(decodeCsv(file.bytes));
	}
	throw refuse('Solo se pueden importar archivos CSV (.csv) o de Excel (.xlsx).');
}
