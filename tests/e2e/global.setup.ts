import { test, expect } from '@playwright/test';
import { ADMIN, ORG, logout } from './fixtures';

// First run on a fresh data directory: /setup creates the provider, its admin and demo data.
test('configuración inicial crea el proveedor y la administradora', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/setup/);
	await page.getByRole('button', { name: 'Terminar configuración' }).click();
	await expect(page.getByRole('alert').first()).toBeVisible();

	await page.getByLabel('Nombre del proveedor').fill(ORG);
	await page.getByLabel('Nombre', { exact: true }).fill(ADMIN.name);
	await page.getByLabel('Correo electrónico').fill(ADMIN.email);
	await page.getByLabel('Contraseña', { exact: true }).fill(ADMIN.password);
	await page.getByLabel('Confirmar contraseña').fill(ADMIN.password);
	await page.getByLabel(/datos de demostración/).check();
	await page.getByRole('button', { name: 'Terminar configuración' }).click();

	// Loading the demo provider hashes several passwords: allow for a slow machine.
	await expect(page).toHaveURL(/\/tablero/, { timeout: 30_000 });
	await expect(page.getByText(ORG)).toBeVisible();
	// The demo accounts are shown once, then never again.
	const demo = page.getByRole('dialog', { name: 'Cuentas de la demostración' });
	await expect(demo).toBeVisible();
	await expect(demo.getByText('coordinador@demo.invalid')).toBeVisible();
	await expect(demo.getByText('demo-tecnico-2026')).toBeVisible();
	await demo.getByRole('button', { name: 'Entendido' }).click();
	await expect(demo).toBeHidden();
	await page.reload();
	await expect(page.getByText(ORG)).toBeVisible();
	await expect(page.getByRole('dialog', { name: 'Cuentas de la demostración' })).toHaveCount(0);
	await logout(page);

	// Setup is closed once a user exists.
	await page.goto('/setup');
	await expect(page).toHaveURL(/\/login/);
});
