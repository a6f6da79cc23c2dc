import { test, expect } from '@playwright/test';
import { login } from './fixtures';

const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };

// The services section is drawn from ADDON_KINDS: one «Agregar …» per kind, each kind's own fields.
test('la coordinadora agrega telefonía y televisión en «Servicios» y asigna el número real', async ({ page }) => {
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const id = await page.locator('[data-card-id]', { hasText: 'Daniela Ortiz Peña' }).first().getAttribute('data-card-id');
	expect(id).toBeTruthy();
	await page.goto(`/instalaciones/${id}`);
	await page.getByRole('tab', { name: 'Servicios' }).click();

	const services = page.getByTestId('services-section');
	await services.getByRole('button', { name: 'Agregar telefonía' }).click();
	const phone = services.getByTestId('addon').filter({ hasText: 'Telefonía' });
	await expect(phone.getByTestId('pending-number')).toBeVisible();
	await expect(phone.getByLabel('Número de teléfono')).toHaveValue('0000000000');
	await expect(phone.getByLabel('SN de la ONU')).toHaveCount(0);
	await phone.getByLabel('Número de teléfono').fill('9981112233');
	await phone.getByRole('button', { name: 'Guardar' }).click();
	await expect(services.getByRole('status')).toContainText('Guardado.');
	await expect(phone.getByTestId('pending-number')).toHaveCount(0);
	await expect(phone.getByLabel('Número de teléfono')).toHaveValue('9981112233');

	await services.locator('select[id^="add-tvType-television-"]').selectOption('CATV');
	await services.getByRole('button', { name: 'Agregar televisión' }).click();
	const tv = services.getByTestId('addon').filter({ hasText: 'Televisión' });
	await expect(tv.getByLabel('Tipo de servicio')).toHaveValue('CATV');
	await expect(tv.getByLabel('Número de teléfono')).toHaveCount(0);
	await tv.getByLabel('SN de la ONU').fill('ZTEG00112233');
	await tv.getByRole('button', { name: 'Guardar' }).click();
	await page.reload();
	await expect(services.getByTestId('addon').filter({ hasText: 'Televisión' }).getByLabel('SN de la ONU')).toHaveValue('ZTEG00112233');
});
