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

/** The first sign-in with an admin's temporary password: «Mi cuenta» asks for a password of one's own. */
export async function replaceTemporaryPassword(page: Page, temporary: string, own: string, lands: RegExp = /\/tablero/) {
	await expect(page).toHaveURL(/\/cuenta/, { timeout: 45_000 });
	await page.getByLabel('Contraseña temporal').fill(temporary);
	await page.getByLabel('Contraseña nueva', { exact: true }).fill(own);
	await page.getByLabel('Confirmar contraseña nueva').fill(own);
	await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
	await expect(page).toHaveURL(lands, { timeout: 45_000 });
}

/**
 * Waits until the technician's phone holds a job for a trip without signal: its page data
 * (`__data.json`, which a tap from «Mis trabajos» reads) in the service worker's cache. «Mis
 * trabajos» asks for today's jobs in the background; cutting the network before that ends would
 * leave the job unopenable, as it would on a real phone.
 */
export async function jobKeptForOffline(page: Page, href: string) {
	await page.waitForFunction(
		async (url) => {
			for (const key of await caches.keys()) if (await (await caches.open(key)).match(url)) return true;
			return false;
		},
		`${href}/__data.json`,
		{ timeout: 60_000, polling: 250 }
	);
}

/**
 * The board's drag library comes with the first pointer or focus on its columns (lazy-dnd.ts): a drag
 * or a keyboard pick-up waits until the columns are drop zones, as a person's second gesture would.
 */
export async function dragReady(page: Page) {
	await expect(page.locator('.columns ul[data-dnd="ready"]').first()).toBeAttached({ timeout: 15_000 });
}
