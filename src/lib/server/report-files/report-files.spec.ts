import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportCsv, reportCsvText } from './csv';
import { reportXlsx, sheetName } from './xlsx';
import { funnelSection, hostileSection, moneySection, notedSection, reportOf } from '../charts/report-fixture.spec-helpers';

describe('reportCsv', () => {
	it('starts with the UTF-8 byte-order mark', () => {
		const bytes = reportCsv(reportOf([funnelSection]));
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes.slice(3))).toContain('Preinstalación');
	});

	it('writes exactly the table: headings, then one line per row, numbers readable by a spreadsheet', () => {
		expect(reportCsvText(reportOf([moneySection]))).toBe(
			'Semana,Cobrado (MXN),Pendiente (MXN),Tasa de cobro,Horas promedio\r\n' +
				'2026-11-02,1234.00,500.00,71.0%,12.5\r\n' +
				'2026-11-09,980.50,,100.0%,\r\n'
		);
	});

	it('titles each section when there are several, and writes a section note', () => {
		const text = reportCsvText(reportOf([funnelSection, notedSection]));
		expect(text).toContain('Embudo\r\nEtapa,Instalaciones,Conversión\r\n');
		expect(text).toContain('Llamadas\r\nAsesor\r\nAún no hay llamadas registradas.\r\n');
	});

	it('quotes semicolons and neutralises formulas', () => {
		const text = reportCsvText(reportOf([hostileSection]));
		expect(text).toContain('"Volante; puerta a puerta",1');
		expect(text).toContain(`"'=HYPERLINK(""http://x"")",2`);
	});
});

describe('reportXlsx', () => {
	async function read(bytes: Uint8Array) {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
		return book;
	}

	it('has one worksheet per section, named after it', async () => {
		const book = await read(await reportXlsx(reportOf([funnelSection, moneySection, notedSection])));
		expect(book.worksheets.map((w) => w.name)).toEqual(['Embudo', 'Cobros', 'Llamadas']);
	});

	it('keeps the kind of each value: dates as dates, money and ratios as formatted numbers', async () => {
		const sheet = (await read(await reportXlsx(reportOf([moneySection])))).worksheets[0];
		expect(sheet.getRow(1).values).toEqual([undefined, 'Semana', 'Cobrado (MXN)', 'Pendiente (MXN)', 'Tasa de cobro', 'Horas promedio']);
		const date = sheet.getCell('A2').value;
		expect(date).toBeInstanceOf(Date);
		expect((date as Date).toISOString()).toBe('2026-11-02T00:00:00.000Z');
		expect(sheet.getCell('B2').value).toBe(1234);
		expect(sheet.getCell('B2').numFmt).toContain('#,##0.00');
		expect(sheet.getCell('C3').value).toBeNull();
		expect(sheet.getCell('D2').value).toBe(0.71);
		expect(sheet.getCell('D2').numFmt).toBe('0%');
		expect(sheet.getCell('E2').value).toBe(12.5);
		expect(sheet.rowCount).toBe(3);
	});

	it('stores text as text, never as a formula', async () => {
		const sheet = (await read(await reportXlsx(reportOf([hostileSection])))).worksheets[0];
		expect(sheet.getCell('A3').value).toBe('=HYPERLINK("http://x")');
		expect(sheet.getCell('A3').formula).toBeUndefined();
		expect(sheet.getCell('B2').value).toBe(3);
	});

	it('writes the note under an empty table', async () => {
		const sheet = (await read(await reportXlsx(reportOf([notedSection])))).worksheets[0];
		expect(sheet.getCell('A3').value).toBe('Aún no hay llamadas registradas.');
	});

	it('makes sheet names Excel accepts: short, without forbidden characters, unique', () => {
		const taken = new Set<string>();
		expect(sheetName('Fuentes («¿Cómo se enteró?»): detalle / zona', taken)).toBe('Fuentes («¿Cómo se enteró ») de');
		expect(sheetName('Cobros', taken)).toBe('Cobros');
		expect(sheetName('cobros', taken)).toBe('cobros 2');
	});
});
