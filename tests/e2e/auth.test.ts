import { test, expect } from '@playwright/test';
import { ADMIN, login, logout, replaceTemporaryPassword } from './fixtures';

test('iniciar sesión, ver las instalaciones y cerrar sesión', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	await expect(page.getByRole('heading', { name: 'Preinstalación' })).toBeVisible();
	// Demo data spreads installations over every stage.
	await expect(page.locator('[data-card-id]').first()).toBeVisible();
	await logout(page);
	await page.goto('/tablero');
	await expect(page).toHaveURL(/\/login/);
});

test('una contraseña equivocada muestra un mensaje en español que no revela si el correo existe', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(ADMIN.email);
	await page.getByLabel('Contraseña').fill('no-es-la-contraseña');
	await page.getByRole('button', { name: 'Entrar' }).click();
	await expect(page.getByRole('alert')).toHaveText('Correo o contraseña incorrectos.');

	await page.getByLabel('Correo electrónico').fill('nadie@ejemplo.mx');
	await page.getByLabel('Contraseña').fill('no-es-la-contraseña');
	await page.getByRole('button', { name: 'Entrar' }).click();
	await expect(page.getByRole('alert')).toHaveText('Correo o contraseña incorrectos.');
});

test('un agente no puede abrir la página de usuarios', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/usuarios');
	const email = `agente${Date.now()}@demo.mx`;
	await page.getByLabel('Nombre', { exact: true }).last().fill('Luis Agente');
	await page.getByLabel('Correo electrónico').last().fill(email);
	await page.getByLabel('Rol', { exact: true }).last().selectOption('agent');
	await page.getByLabel('Contraseña temporal').fill('temporal-segura-22');
	await page.getByRole('button', { name: 'Crear usuario' }).click();
	await expect(page.getByRole('status')).toContainText('Luis Agente');
	await logout(page);

	// An admin's password is temporary: the agent picks one of their own first.
	await login(page, email, 'temporal-segura-22', /\/cuenta/);
	await replaceTemporaryPassword(page, 'temporal-segura-22', 'Luis-Agente-Llamadas-2026');
	await expect(page.getByRole('link', { name: 'Usuarios' })).toHaveCount(0);
	const res = await page.goto('/usuarios');
	expect(res?.status()).toBe(403);
	await expect(page.getByText('Solo un administrador puede gestionar usuarios.')).toBeVisible();
});
