import { expect, type Page } from '@playwright/test';

export const ADMIN = { name: 'Ana Administradora', email: 'admin@demo.mx', password: 'contraseña-segura-1' };
export const ORG = 'Internet Cancún Demo';

/** Signs in from the login page; the office lands on the board, a technician on «Mis trabajos» (`lands`). */
export async function login(page: Page, email: string, password: string, lands: RegExp = /\/tablero/) {
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Entrar' }).click();
	await expect(page).toHaveURL(lands);
}

export async function logout(page: Page) {
	await page.getByRole('button', { name: 'Cerrar sesión' }).click();
	await expect(page).toHaveURL(/\/login/);
}
