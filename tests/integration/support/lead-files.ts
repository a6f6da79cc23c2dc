import ExcelJS from 'exceljs';

export const HEADERS = ['Nombre', 'Celular', 'Correo', 'Calle', 'Colonia', 'Ciudad', '¿Cómo se enteró?', 'Comentarios'];

/** One bad row of each kind the import must report, and the reason it must give. */
const BAD: { kind: string; row: (i: number) => string[]; reason: RegExp }[] = [
	{ kind: 'sin nombre', row: (i) => ['', phoneOf(i), '', '', '', '', '', ''], reason: /^Nombre: / },
	{ kind: 'nombre corto', row: (i) => ['A', phoneOf(i), '', '', '', '', '', ''], reason: /^Nombre: .*al menos 3 letras/ },
	{ kind: 'teléfono corto', row: () => ['Pedro Corto Uc', '99812', '', '', '', '', '', ''], reason: /^Teléfono: .*10 dígitos/ },
	{ kind: 'sin teléfono', row: () => ['Sara Sin Tel', '', '', '', '', '', '', ''], reason: /^Teléfono: / },
	{ kind: 'correo', row: (i) => ['Luis Correo Mal', phoneOf(i), 'luis@', '', '', '', '', ''], reason: /^Correo: / },
	{ kind: 'ciudad', row: (i) => ['Eva Ciudad Lejos', phoneOf(i), '', '', '', 'Monterrey', '', ''], reason: /^Ciudad \(«Monterrey»\): / },
	{ kind: 'medio', row: (i) => ['Iván Medio Raro', phoneOf(i), '', '', '', '', 'Radio', ''], reason: /^¿Cómo se enteró\? \(«Radio»\): / }
];

export const phoneOf = (i: number) => `9984${String(i).padStart(6, '0')}`;

export interface LeadFile {
	rows: string[][];
	/** Line in the file (header = 1) → the reason's pattern, for the 20 rows that must not import. */
	bad: Map<number, RegExp>;
	good: number;
}

/**
 * 500 customers: 17 refused by the schema (kinds above, in turn) and 3 repeating an earlier row's
 * phone, spread through the file; the 480 others import. Cities and «cómo se enteró» are written
 * the way people type them (no accents, lower case) and must still match the settings' lists.
 */
export function leadFile(total = 500, seed = 0): LeadFile {
	const rows: string[][] = [];
	const bad = new Map<number, RegExp>();
	for (let i = 0; i < total; i++) {
		const line = i + 2;
		const n = seed + i;
		const slot = i % 25 === 7 && bad.size < 20 ? bad.size : -1;
		if (slot >= 0 && slot < 17) {
			const b = BAD[slot % BAD.length];
			rows.push(b.row(n));
			bad.set(line, b.reason);
		} else if (slot >= 17) {
			rows.push([`Repetido Número ${i}`, phoneOf(seed + 3), '', '', '', '', '', '']);
			bad.set(line, new RegExp(`^Repetido en el archivo: el mismo teléfono que la línea ${3 + 2}$`));
		} else {
			rows.push([
				`cliente ${i} de la  prueba`,
				i % 2 ? phoneOf(n) : `+52 1 ${phoneOf(n)}`,
				i % 5 === 0 ? `cliente${n}@correo.mx` : '',
				`Calle ${i % 40}`,
				i % 3 ? 'región 94' : 'Supermanzana 50',
				i % 2 ? 'cancun' : 'Benito Juárez',
				i % 4 ? 'facebook' : '',
				i % 7 === 0 ? 'Llamar después de las 5; tiene perro' : ''
			]);
		}
	}
	return { rows, bad, good: total - bad.size };
}

const csvCell = (v: string, sep: string) => (/["\n\r]/.test(v) || v.includes(sep) ? `"${v.replace(/"/g, '""')}"` : v);

export function toCsv(rows: string[][], sep = ',', headers = HEADERS): string {
	return [headers, ...rows].map((r) => r.map((c) => csvCell(c, sep)).join(sep)).join('\r\n') + '\r\n';
}

/** Windows-1252 bytes (what Excel in Spanish saves as «CSV (delimitado por comas)»). */
export function windows1252(text: string): Uint8Array {
	const out = new Uint8Array(text.length);
	const extra: Record<string, number> = { '€': 0x80, '¿': 0xbf, '¡': 0xa1 };
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		out[i] = extra[text[i]] ?? (code < 256 ? code : 0x3f);
	}
	return out;
}

export async function toXlsx(rows: string[][], headers = HEADERS): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Clientes');
	sheet.addRow(headers);
	for (const r of rows) sheet.addRow(r);
	return new Uint8Array(await book.xlsx.writeBuffer());
}
