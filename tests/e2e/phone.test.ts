import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';

// Technicians work from a phone, and coordinators check the board from one: no page may be wider
// than the screen. Wide content (the columns, a table) scrolls inside its own box.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const TECHNICIAN = { email: 'tecnico1@demo.invalid', password: 'demo-tecnico-2026' };

async function widerThanScreen(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('main')).toBeVisible();
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		return document.documentElement.scrollWidth > width
			? [...document.querySelectorAll('main *')]
					.filter(
						(el) =>
							el.getBoundingClientRect().right > width + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > width + 1)
					)
					.map((el) => `${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim().slice(0, 40)}»`)
					.slice(0, 5)
			: [];
	});
}

for (const [who, user, paths] of [
	['de la administradora', ADMIN, ['/tablero', '/calendario', '/llamadas', '/instalaciones/nueva', '/ajustes', '/usuarios']],
	['del técnico', TECHNICIAN, ['/tablero', '/tecnico']]
] as const) {
	test(`en un teléfono, ninguna página ${who} es más ancha que la pantalla`, async ({ page }) => {
		await login(page, user.email, user.password, user === ADMIN ? /\/tablero/ : /\/tecnico$/);
		if (user === ADMIN) {
			// A long row (as the other tests' users leave): the users table scrolls, the page doesn't.
			await page.goto('/usuarios');
			await page.getByLabel('Nombre', { exact: true }).last().fill('Guadalupe Itzel Chan Balam de la Cruz');
			await page.getByLabel('Correo electrónico').last().fill(`guadalupe.itzel.chan.balam.${Date.now()}@demo.mx`);
			await page.getByLabel('Rol', { exact: true }).last().selectOption('agent');
			await page.getByLabel('Contraseña temporal').fill('temporal-segura-22');
			await page.getByRole('button', { name: 'Crear usuario' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Guadalupe Itzel' })).toBeVisible();
		}
		await page.goto('/tablero');
		const card = await page.locator('[data-card-id] a').first().getAttribute('href');
		for (const path of [...paths, card!]) expect(await widerThanScreen(page, path), path).toEqual([]);
	});
}
