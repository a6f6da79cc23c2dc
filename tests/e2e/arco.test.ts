// Issue 23, item 7: a customer's ARCO rights from the card panel (export as a zip, erasure with a
// typed confirmation) and the retention rule of Ajustes → Privacidad.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { ADMIN, login, logout } from './fixtures';

const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };
const FILES = 'test-results/e2e-data/files';
const SHOTS = process.env.ARCO_SHOTS;
// A 1×1 PNG: the upload re-encodes it and makes its thumbnail.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The files on disk under the card's folder (the local store keys them `<org>/<card>/…`). */
function filesOnDisk(cardId: string): string[] {
	const found: string[] = [];
	for (const org of readdirSync(FILES)) {
		try {
			found.push(...readdirSync(join(FILES, org, cardId)));
		} catch {
			// not this provider's folder
		}
	}
	return found;
}

async function newCard(page: Page, name: string, phone: string): Promise<string> {
	await page.goto('/instalaciones/nueva');
	await page.getByLabel('Nombre completo').fill(name);
	await page.getByLabel('Teléfono principal').fill(phone);
	await page.getByRole('button', { name: 'Crear tarjeta' }).click();
	await expect(page).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}$/);
	return page.url().split('/').pop()!;
}

const arcoTab = (page: Page) => page.getByRole('tab', { name: 'Datos personales (ARCO)' });

test('el administrador exporta los datos de un cliente en un ZIP y luego los elimina', async ({ page }) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1440, height: 900 });
	await login(page, ADMIN.email, ADMIN.password);
	const name = 'Rosalía Arco Prueba';
	const phone = `998${String(Date.now()).slice(-7)}`;
	const id = await newCard(page, name, phone);
	const up = await page.request.post(`/api/instalaciones/${id}/archivos`, {
		multipart: { category: 'ine_frontal', name: '', file: { name: 'ine.png', mimeType: 'image/png', buffer: PNG } },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(up.status(), await up.text()).toBe(201);
	expect(filesOnDisk(id).length).toBeGreaterThan(0);

	await page.goto(`/instalaciones/${id}`);
	await arcoTab(page).click();
	const section = page.getByTestId('arco-section');
	await expect(section).toBeVisible();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/arco-1440.png`, fullPage: true });

	// Export: the download is a zip with the JSON and the customer's file.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		section.getByRole('link', { name: 'Exportar datos personales (ZIP)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^datos-personales-\d+-\d{4}-\d{2}-\d{2}\.zip$/);
	const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
	const data = JSON.parse(strFromU8(zip['datos.json']));
	expect(data.instalacion).toMatchObject({ id, full_name: name, phone });
	expect(data.archivos).toHaveLength(1);
	expect(data.archivos[0]).toMatchObject({ category: 'ine_frontal', name: 'INE frontal' });
	expect(zip[data.archivos[0].path].byteLength).toBeGreaterThan(0);
	const folio = data.instalacion.folio as number;

	// Erase: nothing happens until the reason and the exact confirmation are typed.
	await section.getByRole('button', { name: 'Eliminar datos personales…' }).click();
	const confirm = section.getByRole('button', { name: 'Eliminar para siempre' });
	await expect(confirm).toBeDisabled();
	await section.getByLabel('Motivo').fill('Solicitud ARCO del cliente recibida por correo');
	await section.getByLabel(`Para confirmar escribe ELIMINAR ${folio}`).fill('ELIMINAR');
	await expect(confirm).toBeDisabled();
	await section.getByLabel(`Para confirmar escribe ELIMINAR ${folio}`).fill(`ELIMINAR ${folio}`);
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/arco-confirm-1440.png`, fullPage: true });
	await confirm.click();
	await expect(section.getByRole('status')).toHaveText('Datos personales eliminados; archivos borrados: 1.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Titular eliminado (ARCO)');
	expect(filesOnDisk(id)).toEqual([]);
	const after = await (await page.request.get(`/api/instalaciones/${id}/tarjeta`)).json();
	expect(after.card.fullName).toBe('Titular eliminado (ARCO)');
	expect(JSON.stringify(after)).not.toContain(phone);

	// Both actions are in the audit log.
	await page.goto('/ajustes/auditoria');
	const rows = page.locator('table.audit tbody tr');
	await expect(rows.filter({ hasText: 'Datos personales exportados (ARCO)' }).filter({ hasText: name }).first()).toBeVisible();
	await expect(
		rows
			.filter({ hasText: 'Datos personales eliminados (ARCO)' })
			.filter({ hasText: `#${folio}` })
			.filter({ hasText: 'Solicitud ARCO del cliente' })
	).toHaveCount(1);

	if (SHOTS) {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`/instalaciones/${id}?seccion=arco`);
		await expect(page.getByTestId('arco-section')).toBeVisible();
		await page.getByTestId('arco-section').getByRole('button', { name: 'Eliminar datos personales…' }).click();
		await page.screenshot({ path: `${SHOTS}/arco-390.png`, fullPage: true });
	}

	// A coordinator has no such tab, and the endpoints refuse them.
	await logout(page);
	await login(page, COORDINATOR.email, COORDINATOR.password);
	await page.goto(`/instalaciones/${id}`);
	await expect(page.getByTestId('card-stage')).toBeVisible();
	await expect(arcoTab(page)).toHaveCount(0);
	expect((await page.request.get(`/api/instalaciones/${id}/arco`)).status()).toBe(403);
	expect(
		(await page.request.post(`/api/instalaciones/${id}/arco`, { data: { confirm: `ELIMINAR ${folio}`, reason: 'No debería' } })).status()
	).toBe(403);
});

test('Ajustes → Privacidad: la regla de retención se guarda y el borrado muestra antes cuántos archivos son', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes/privacidad');
	const form = page.getByTestId('privacy-settings');
	await expect(form.getByLabel('Días después de la cancelación (N)')).toHaveValue('180');

	await form.getByLabel('Días después de la cancelación (N)').fill('0');
	await form.getByRole('button', { name: 'Guardar' }).click();
	await expect(form.locator('#retentionDays-error')).toHaveText('Escribe al menos 1 día.');
	await expect(form.getByLabel('Días después de la cancelación (N)')).toHaveAttribute('aria-invalid', 'true');

	await form.getByLabel(/Borrar imágenes de documentos de prospectos cancelados/).check();
	await form.getByLabel('Días después de la cancelación (N)').fill('365');
	await form.getByRole('button', { name: 'Guardar' }).click();
	await expect(form.getByRole('status')).toBeVisible();
	await page.reload();
	await expect(form.getByLabel('Días después de la cancelación (N)')).toHaveValue('365');
	await expect(form.getByLabel(/Borrar imágenes de documentos de prospectos cancelados/)).toBeChecked();

	await page.getByRole('button', { name: 'Calcular cuántos se borrarían' }).click();
	await expect(page.getByTestId('purge-preview')).toHaveText(
		/Con 365 días (no hay archivos que borrar|se borrarían \d+ archivos de \d+ tarjetas canceladas)\./
	);
	if (SHOTS) {
		await page.screenshot({ path: `${SHOTS}/privacidad-1440.png`, fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: `${SHOTS}/privacidad-390.png`, fullPage: true });
	}
	// Back to the default so no other test finds the rule on.
	await form.getByLabel(/Borrar imágenes de documentos de prospectos cancelados/).uncheck();
	await form.getByLabel('Días después de la cancelación (N)').fill('180');
	await form.getByRole('button', { name: 'Guardar' }).click();
	await expect(form.getByRole('status')).toBeVisible();
});
