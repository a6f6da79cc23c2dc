import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';

// Mérida numbers, different on every run (the demo's customers have Cancún numbers).
const run = String(Date.now()).slice(-5);
const phone = (n: number) => `999 7${run.slice(0, 2)} ${run.slice(2)}${n}`;
const TAG = `Imp${run}`;

/** What a door-to-door team hands in: Excel's Spanish CSV («;»), a notes column the page can't guess. */
function csvFile(): string {
	const dir = mkdtempSync(join(tmpdir(), 'importar-'));
	const path = join(dir, 'cambaceo-sm-50.csv');
	const rows = [
		['Nombre', 'Celular', 'Correo', 'Colonia', 'Notas del vendedor'],
		[`rosa ${TAG} uno`, phone(1), `rosa${run}@correo.mx`, 'sm 50', 'Quiere 100 megas'],
		[`Luis ${TAG} Dos`, phone(2), '', 'Región 94', ''],
		[`Pedro ${TAG} Tres`, '12345', '', '', ''],
		['', phone(4), '', '', 'sin nombre'],
		[`Ana ${TAG} Cinco`, phone(1), '', '', ''],
		[`Eva ${TAG} Seis`, phone(6), '', '', 'Casa rentada']
	];
	writeFileSync(path, rows.map((r) => r.join(';')).join('\r\n') + '\r\n');
	return path;
}

const shots = async (page: Page, name: string) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: `test-results/import-${name}-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `test-results/import-${name}-390.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
};

test('la oficina importa un CSV de cambaceo: ajusta una columna, ve los motivos en español, importa; otra vez no crea nada', async ({
	page
}) => {
	test.setTimeout(120_000);
	const file = csvFile();
	await login(page, ADMIN.email, ADMIN.password);
	await page.getByRole('link', { name: 'Importar clientes' }).click();
	await expect(page.getByRole('heading', { name: 'Importar clientes desde un archivo' })).toBeVisible();

	await page.getByLabel('Archivo (CSV o Excel .xlsx)').setInputFiles(file);
	await page.getByRole('button', { name: 'Ver vista previa' }).click();

	// The headers were guessed; the notes column was not, so «Comentarios» imports nothing yet.
	await expect(page.getByLabel('Nombre completo (obligatorio)')).toHaveValue('0');
	await expect(page.getByLabel('Teléfono (obligatorio)')).toHaveValue('1');
	await expect(page.getByLabel('Comentarios')).toHaveValue('');
	await expect(page.getByText('6 filas en «cambaceo-sm-50.csv»: 3 listas para importar, 3 no se importarán.')).toBeVisible();
	const problems = page.getByRole('region', { name: /Filas que no se importarán/ });
	await expect(problems.locator('tr[data-line="4"]')).toContainText('Teléfono: Escribe un teléfono de 10 dígitos');
	await expect(problems.locator('tr[data-line="5"]')).toContainText('Nombre: Escribe el nombre completo del cliente');
	await expect(problems.locator('tr[data-line="6"]')).toContainText('Repetido en el archivo: el mismo teléfono que la línea 2');

	await page.getByLabel('Comentarios').selectOption({ label: 'Notas del vendedor' });
	await page.getByLabel('¿De dónde vienen estos clientes?').selectOption({ label: 'Cambaceo (puerta a puerta)' });
	await page.getByRole('button', { name: 'Actualizar vista previa' }).click();
	const sample = page.getByRole('region', { name: /Así se guardarán/ });
	await expect(sample).toContainText('Quiere 100 megas');
	await expect(sample).toContainText(`Rosa ${TAG} Uno`);
	await expect(page.getByLabel('¿De dónde vienen estos clientes?')).toHaveValue('cambaceo');
	await shots(page, 'preview');

	await page.getByRole('button', { name: 'Importar 3 preinstalaciones' }).click();
	await expect(page.getByRole('heading', { name: '3 importados, 2 con errores' })).toBeVisible();
	await expect(page.getByText('1 repetidos en el archivo')).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Descargar las filas no importadas (CSV)' }).click();
	expect((await download).suggestedFilename()).toBe('no-importados-cambaceo-sm-50.csv');
	await shots(page, 'result');

	// The board shows them in «Preinstalación».
	await page.goto(`/tablero?q=${TAG}`);
	const column = page.locator('section[data-stage="preinstalacion"]');
	for (const name of [`Rosa ${TAG} Uno`, `Luis ${TAG} Dos`, `Eva ${TAG} Seis`]) await expect(column.getByText(name)).toBeVisible();
	await expect(page.locator('[data-card-id]')).toHaveCount(3);

	// The same file again: every good row already exists, nothing to import.
	await page.goto('/instalaciones/importar');
	await page.getByLabel('Archivo (CSV o Excel .xlsx)').setInputFiles(file);
	await page.getByRole('button', { name: 'Ver vista previa' }).click();
	await expect(page.getByText('6 filas en «cambaceo-sm-50.csv»: 0 listas para importar, 6 no se importarán.')).toBeVisible();
	await expect(page.locator('tr[data-line="2"]')).toContainText(/Ya existe: #\d+ Rosa .* Uno \(mismo teléfono y correo\)/);
	await expect(page.getByRole('button', { name: 'Importar 0 preinstalaciones' })).toBeDisabled();
	await page.goto(`/tablero?q=${TAG}`);
	await expect(page.locator('section[data-stage="preinstalacion"]').getByText(`Rosa ${TAG} Uno`)).toBeVisible();
	await expect(page.locator('[data-card-id]')).toHaveCount(3);
});
