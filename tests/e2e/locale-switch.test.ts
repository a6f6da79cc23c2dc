import { test, expect } from '@playwright/test';
import { ADMIN, login } from './fixtures';

// The page reads its language once (src/hooks.client.ts): the switch must still change every page
// after it, through the reload it does, and back.
test('el botón de idioma cambia la app a inglés y de vuelta, también en las páginas que se abren después', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	const nav = page.getByRole('navigation').first();
	await expect(nav.getByRole('link', { name: 'Tablero', exact: true })).toBeVisible();

	await page.getByRole('button', { name: 'English' }).click();
	await expect(nav.getByRole('link', { name: 'Board', exact: true })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
	// A page opened inside the app afterwards (client-side navigation) is in English too.
	await nav.getByRole('link', { name: 'Calendar', exact: true }).click();
	await expect(page).toHaveURL(/\/calendario/);
	await expect(page.locator('html')).toHaveAttribute('lang', /^en/);
	await expect(nav.getByRole('link', { name: 'Calendar', exact: true })).toBeVisible();

	await page.getByRole('button', { name: 'Español' }).click();
	await expect(nav.getByRole('link', { name: 'Calendario', exact: true })).toBeVisible();
	await nav.getByRole('link', { name: 'Tablero', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible();
});
