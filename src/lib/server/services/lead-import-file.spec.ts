import { describe, expect, it } from 'vitest';
import { csvDelimiter, decodeCsv, parseCsv, readImportFile } from './lead-import-file';

/** «Región» etc. as Excel on a Spanish Windows saves them: one byte per letter. */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => (c === '¿' ? 0xbf : c.charCodeAt(0))));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('reading an imported CSV', () => {
	it('decodes UTF-8 (with or without BOM) and falls back to Windows-1252', () => {
		expect(decodeCsv(utf8('Nombre;Teléfono'))).toBe('Nombre;Teléfono');
		expect(decodeCsv(utf8('\uFEFFNombre'))).toBe('Nombre');
		expect(decodeCsv(latin1('José Ñeco;¿Cómo se enteró?'))).toBe('José Ñeco;¿Cómo se enteró?');
	});

	it('takes the separator from the header line, outside quotes', () => {
		expect(csvDelimiter('Nombre;Teléfono;Correo\n"a,b";1;2')).toBe(';');
		expect(csvDelimiter('"Nombre; completo",Teléfono,Correo')).toBe(',');
		expect(csvDelimiter('Nombre\tTeléfono')).toBe('\t');
	});

	it('numbers rows by the line they start on, across quoted line breaks and blank lines', () => {
		const t = parseCsv('Nombre;Comentarios\r\nAna;"dos\r\nlíneas"\r\n\r\nBeto;"a; b"\r\n;\r\nCiro;x');
		expect(t.headers).toEqual(['Nombre', 'Comentarios']);
		expect(t.rows).toEqual([
			{ line: 2, cells: ['Ana', 'dos\r\nlíneas'] },
			{ line: 5, cells: ['Beto', 'a; b'] },
			{ line: 7, cells: ['Ciro', 'x'] }
		]);
	});

	it('a Windows-1252 file with «;» reads its accents and its lines', async () => {
		const t = await readImportFile({
			name: 'CLIENTES.CSV',
			bytes: latin1('Nombre;Teléfono;Colonia\r\nJosé Peña;9981234567;Región 94\r\n')
		});
		expect(t).toEqual({ headers: ['Nombre', 'Teléfono', 'Colonia'], rows: [{ line: 2, cells: ['José Peña', '9981234567', 'Región 94'] }] });
	});

	it('refuses what it cannot read with a Spanish message', async () => {
		await expect(readImportFile({ name: 'a.csv', bytes: utf8('Nombre,Teléfono\n') })).rejects.toMatchObject({
			status: 400,
			message: /solo trae la fila de títulos/
		});
		await expect(readImportFile({ name: 'a.csv', bytes: new Uint8Array() })).rejects.toMatchObject({ status: 400 });
		await expect(readImportFile({ name: 'a.xlsx', bytes: utf8('Nombre') })).rejects.toMatchObject({
			status: 400,
			message: /no es un Excel/
		});
		await expect(readImportFile({ name: 'a.ods', bytes: utf8('x') })).rejects.toMatchObject({ status: 400, message: /CSV.*\.xlsx/ });
		await expect(readImportFile({ name: 'a.xls', bytes: utf8('x') })).rejects.toMatchObject({ status: 400, message: /97-2003/ });
	});
});
