import { expect, type Page } from '@playwright/test';

export const ADMIN = { name: 'Ana Administradora', email: 'admin@demo.mx', password: 'contraseña-segura-1' };
export const ORG = 'Internet Cancún Demo';

export async function login(page: Page, email: string, password: string) {
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Entrar' }).click();
	await expect(page).toHaveURL(/\/tablero/);
}

export async function logout(page: Page) {
	await page.getByRole('button', { name: 'Cerrar sesión' }).click();
	await expect(page).toHaveURL(/\/login/);
}
