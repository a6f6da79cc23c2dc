import { test, expect } from '@playwright/test';
import { ADMIN, login } from './fixtures';
import { startFakeWispHub, type FakeWispHub } from '../wisphub-fake/fake';

// The admin connects the board to a WispHub (the local fake, built from WispHub's documentation),
// maps the catalogs, and a card moved into the chosen stage turns «sincronizado» live on the board.
let fake: FakeWispHub;
test.beforeAll(async () => {
	fake = startFakeWispHub({ taskDelayMs: 1500 });
	await fake.ready;
});
test.afterAll(() => fake.close());

test('admin connects WispHub, maps catalogs and sees a card synced live', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes/integraciones');
	await expect(page.getByRole('heading', { name: 'Integraciones: WispHub' })).toBeVisible();

	// A wrong key first: the Spanish reason, and nothing echoed back.
	await page.getByLabel('URL de consulta de API').fill(fake.url);
	await page.getByLabel('Clave de API').fill('clave-equivocada');
	await page.getByRole('button', { name: 'Probar conexión' }).click();
	await expect(page.getByRole('alert')).toContainText('WispHub rechazó la clave de API');

	await page.getByLabel('URL de consulta de API').fill(fake.url);
	await page.getByLabel('Clave de API').fill(fake.options.apiKey);
	await page.getByLabel('Enviar las instalaciones a WispHub').check();
	await page.getByLabel('Enviar cuando la tarjeta entra en').selectOption('firmada');
	await page.getByRole('button', { name: 'Guardar' }).click();
	await expect(page.getByText('Conexión guardada.')).toBeVisible();
	await expect(page.getByText(`termina en ${fake.options.apiKey.slice(-4)}`)).toBeVisible();
	await page.getByRole('button', { name: 'Probar conexión' }).click();
	await expect(page.getByTestId('wh-tested')).toContainText('Conexión correcta: WispHub respondió con 3 zonas.');

	await page.getByRole('button', { name: 'Importar de WispHub' }).click();
	await expect(page.getByTestId('wh-imported')).toContainText('Importado de WispHub');
	// The demo provider's zones and plans carry WispHub's names: suggested, then confirmed one by one.
	for (const row of ['zona-1', 'zona-2', 'zona-3', 'plan-10', 'plan-11', 'plan-12']) {
		const tr = page.getByTestId(`wh-map-${row}`);
		await expect(tr.getByText('Sugerido')).toBeVisible();
		await tr.getByRole('button', { name: 'Confirmar' }).click();
		await expect(tr.getByText('Confirmado')).toBeVisible();
	}
	const staff = page.getByTestId('wh-map-tecnico-20');
	const technician = staff.getByRole('combobox');
	const firstTech = await technician.locator('option').nth(1).getAttribute('value');
	await technician.selectOption(firstTech!);
	await staff.getByRole('button', { name: 'Confirmar' }).click();
	await expect(staff.getByText('Confirmado')).toBeVisible();

	// A card in «Asignada» (PPPoE, IP, plan and zone known) moves to «Firmada» while the board is open.
	await page.goto('/tablero');
	const card = page.locator('[data-stage="asignada"] [data-card-id]').first();
	await expect(card).toBeVisible();
	const cardId = (await card.getAttribute('data-card-id'))!;
	const res = await page.request.post(`/api/instalaciones/${cardId}/mover`, {
		data: { toStage: 'firmada', version: 1, overrideReason: 'Prueba de WispHub' },
		headers: { origin: new URL(page.url()).origin }
	});
	let result = await res.json();
	if (!result.ok && result.card) {
		result = await (
			await page.request.post(`/api/instalaciones/${cardId}/mover`, {
				data: { toStage: 'firmada', version: result.card.version, overrideReason: 'Prueba de WispHub' },
				headers: { origin: new URL(page.url()).origin }
			})
		).json();
	}
	expect(result.ok, JSON.stringify(result)).toBe(true);
	const moved = page.locator(`[data-stage="firmada"] [data-card-id="${cardId}"]`);
	await expect(moved.locator('[data-wisphub="sincronizado"]')).toBeVisible({ timeout: 30_000 });
	await expect(moved.locator('[data-wisphub]')).toContainText(/WispHub: sincronizado \(#\d+\)/);
	expect(fake.state.installations).toHaveLength(1);

	// The sends list shows it, with the passwords masked.
	await page.goto('/ajustes/integraciones');
	const job = page.getByTestId('wh-job').first();
	await expect(job).toContainText('sincronizado');
	await job.getByText('Datos enviados').click();
	await expect(job.locator('pre').first()).toContainText('••••••');

	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/wisphub-phone.png', fullPage: true });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);
});
