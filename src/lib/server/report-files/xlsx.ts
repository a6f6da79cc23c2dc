/**
 * A report as an Excel workbook (issue 21): one worksheet per section with exactly the page's table.
 * Cells keep their kind so the office can sum and chart them: dates are Excel dates, money is pesos
 * with a currency format, ratios are numbers with a percent format, counts are numbers.
 */
import ExcelJS from 'exceljs';
import type { Report, ReportColumn, ReportValue } from '$lib/types/reports';
import { isCivilDate } from '$lib/domain/dates';

const NUM_FMT: Partial<Record<string, string>> = {
	text: undefined,
	date: 'dd/mm/yyyy',
	int: '#,##0',
	money: '"$"#,##0.00',
	ratio: '0%',
	hours: '0.0',
	decimal: '0.0'
};

function cellValue(value: ReportValue, col: ReportColumn): string | number | Date | null {
	if (value === null || value === undefined) return null;
	if (col.type === 'date' && typeof value === 'string' && isCivilDate(value)) {
		const [y, m, d] = value.split('-').map(Number);
		return new Date(Date.UTC(y, m - 1, d));
	}
	if (typeof value === 'number' && col.type === 'money') return value / 100;
	return value;
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\ and unique in the book. */
export function sheetName(title: string, taken: Set<string>): string {
	const base =
		title
			.replace(/[[\]:*?/\\]/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, 31) || 'Hoja';
	let name = base;
	for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
	taken.add(name.toLowerCase());
	return name;
}

export async function reportXlsx(report: Report): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Tablero de instalaciones';
	book.created = new Date(report.generatedAt);
	const taken = new Set<string>();
	for (const section of report.sections) {
		const sheet = book.addWorksheet(sheetName(section.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = section.columns.map((c) => ({
			header: c.type === 'money' ? `${c.label} (MXN)` : c.label,
			key: c.key,
			width: Math.min(40, Math.max(12, c.label.length + 4)),
			style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {}
		}));
		sheet.getRow(1).font = { bold: true };
		for (const row of section.rows) {
			sheet.addRow(Object.fromEntries(section.columns.map((c) => [c.key, cellValue(row[c.key], c)])));
		}
		if (section.note) {
			sheet.addRow([]);
			sheet.addRow([section.note]).font = { italic: true };
		}
	}
	return new Uint8Array(await book.xlsx.writeBuffer());
}
