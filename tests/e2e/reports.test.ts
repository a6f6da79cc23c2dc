import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';

const TECH_PASSWORD = 'demo-tecnico-2026';

async function openReports(page: Page) {
	await page
		.getByRole('navigation', { name: /principal|main/i })
		.getByRole('link', { name: 'Reportes' })
		.click();
	// Nine reports computed and drawn on the server: allow a slow, shared machine.
	await expect(page).toHaveURL(/\/reportes/, { timeout: 45_000 });
	await expect(page.getByRole('heading', { level: 1, name: 'Reportes' })).toBeVisible();
}

test('reportes: presets y filtros en la URL, gráficas del servidor, descargas CSV y Excel', async ({ page }) => {
	test.setTimeout(300_000);
	await page.setViewportSize({ width: 1440, height: 1000 });
	// No chart JavaScript reaches the browser: the SVG comes in the HTML.
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') scripts.push(r.url());
	});
	await login(page, ADMIN.email, ADMIN.password);
	await openReports(page);
	const charts = page.getByTestId('report-chart');
	await expect(charts.first()).toBeVisible();
	expect(await charts.count()).toBeGreaterThan(3);
	const first = charts.first();
	await expect(first).toHaveAttribute('role', 'img');
	expect(await first.getAttribute('aria-label')).toBeTruthy();
	const tableId = (await first.getAttribute('aria-describedby'))!;
	await expect(page.locator(`table#${tableId}`)).toBeVisible();
	await expect(first.locator('svg')).toHaveAttribute('viewBox', /^0 0 \d+ \d+$/);
	const html = await (await page.request.get('/reportes')).text();
	expect(html).toContain('<svg width="100%"');
	await page.screenshot({ path: 'test-results/screens/reportes-1440.png', fullPage: false });
	await page.getByTestId('report-embudo').screenshot({ path: 'test-results/screens/reportes-embudo-1440.png' });

	// A preset changes the URL and the charts are drawn again for the new range.
	const before = await page.getByTestId('report-range').textContent();
	await page.getByLabel('Últimos 90 días', { exact: true }).check();
	await expect(page).toHaveURL(/periodo=90_dias/, { timeout: 45_000 });
	await expect(page.getByTestId('report-range')).not.toHaveText(before!, { timeout: 45_000 });
	// A filter too; back returns to the previous view.
	const zone = page.getByLabel('Zona', { exact: true });
	const zoneName = (await zone.locator('option').nth(1).textContent())!;
	await zone.selectOption({ label: zoneName });
	await expect(page).toHaveURL(/zona=[0-9a-f-]{36}/, { timeout: 45_000 });
	await expect(page.getByLabel('Zona', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
	await expect(page.getByTestId('report-chart').or(page.getByText('No hay datos en este periodo')).first()).toBeVisible();
	await page.goBack();
	await expect(page).not.toHaveURL(/zona=[0-9a-f]/, { timeout: 45_000 });
	await expect(page.getByLabel('Zona', { exact: true })).toHaveValue('', { timeout: 45_000 });

	// Custom dates.
	await page.getByLabel('Desde', { exact: true }).fill('2026-09-01');
	await page.getByLabel('Hasta', { exact: true }).fill('2026-11-30');
	await page.getByRole('button', { name: 'Ver reportes' }).click();
	await expect(page).toHaveURL(/periodo=personalizado.*desde=2026-09-01.*hasta=2026-11-30/, { timeout: 45_000 });
	await expect(page.getByTestId('report-range')).toHaveText('Del 1 sep 2026 al 30 nov 2026', { timeout: 45_000 });

	// Downloads: exactly what is shown.
	const embudo = page.getByTestId('report-embudo');
	const [csv] = await Promise.all([page.waitForEvent('download'), embudo.getByRole('link', { name: /en CSV/ }).click()]);
	expect(csv.suggestedFilename()).toBe('reporte-embudo-2026-09-01_2026-11-30.csv');
	const csvBytes = await readFile((await csv.path())!);
	expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const firstHeading = (await embudo.locator('table thead th').first().textContent())!.trim();
	expect(csvBytes.toString('utf8')).toContain(firstHeading);

	const [xlsx] = await Promise.all([page.waitForEvent('download'), embudo.getByRole('link', { name: /en Excel/ }).click()]);
	expect(xlsx.suggestedFilename()).toBe('reporte-embudo-2026-09-01_2026-11-30.xlsx');
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await readFile((await xlsx.path())!)) as unknown as ArrayBuffer);
	expect(book.worksheets.length).toBe(await embudo.locator('section').count());
	const sheet = book.worksheets[0];
	expect(String(sheet.getCell('A1').value)).toBe(firstHeading);
	const shownRows = await embudo.locator('section').first().locator('tbody tr').count();
	expect(sheet.rowCount - 1).toBeLessThanOrEqual(shownRows);

	expect(scripts.filter((u) => /echarts|zrender/i.test(u))).toEqual([]);

	// A phone: charts fit the width; wide tables scroll inside their box, not the page.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/reportes?periodo=90_dias');
	await expect(page.getByTestId('report-chart').first()).toBeVisible({ timeout: 45_000 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(1);
	const box = (await page.getByTestId('report-chart').first().boundingBox())!;
	expect(box.width).toBeLessThanOrEqual(390);
	await page.screenshot({ path: 'test-results/screens/reportes-390.png', fullPage: false });
	await page.getByTestId('report-flujo').screenshot({ path: 'test-results/screens/reportes-flujo-390.png' });
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 800, height: 1100 });
	await expect(page.getByRole('navigation', { name: /principal|main/i })).toBeHidden();
	await page.getByTestId('report-tiempos').screenshot({ path: 'test-results/screens/reportes-impresion.png' });
});

test('un técnico no ve reportes ni los descarga', async ({ page }) => {
	await login(page, 'tecnico1@demo.invalid', TECH_PASSWORD, /\/tecnico$/);
	await expect(page.getByRole('link', { name: 'Reportes' })).toHaveCount(0);
	const res = await page.goto('/reportes');
	expect(res!.status()).toBe(403);
	const dl = await page.request.get('/reportes/descargar/embudo?formato=csv');
	expect(dl.status()).toBe(403);
	expect(dl.headers()['content-disposition']).toBeUndefined();
});

test('la pantalla de la oficina muestra el resumen cuando el ajuste lo pide', async ({ page, browser }) => {
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes/pantallas');
	await page.getByLabel('Nombre de la pantalla').fill('TV resumen');
	await page.getByRole('button', { name: 'Crear enlace' }).click();
	const path = new URL(await page.getByTestId('display-url').inputValue()).pathname;
	await page.getByLabel('Mostrar resumen cada N minutos').fill('1');
	await page.getByRole('button', { name: 'Guardar' }).click();
	await expect(page.getByText('Listo: la pantalla usará')).toBeVisible();

	const tvContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'es-MX', timezoneId: 'America/Cancun' });
	const tv = await tvContext.newPage();
	await tv.clock.install();
	await tv.goto(path);
	await expect(tv.getByTestId('wall-display')).toBeVisible();
	await expect(tv.getByTestId('display-summary')).toHaveCount(0);
	// Live (hydrated, connected): the rotation's timer runs from the mount, so the clock moves only then.
	await expect(tv.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
	// One minute: 40 s of board, then the summary for 20 s.
	await tv.clock.runFor(41_000);
	const summary = tv.getByTestId('display-summary');
	await expect(summary).toBeVisible();
	await expect(summary.getByTestId('summary-installed-today')).toHaveText(/^\d+$/);
	// Numbers only: no phones or e-mails on the shared screen.
	const text = (await summary.textContent())!;
	expect(text).not.toMatch(/998\d{7}|@/);
	await tv.screenshot({ path: 'test-results/screens/pantalla-resumen-1920.png' });
	await tv.clock.runFor(21_000);
	await expect(tv.getByTestId('wall-display')).toBeVisible();
	await tvContext.close();
});
