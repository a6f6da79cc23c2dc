import { test, expect } from '@playwright/test';
import { ADMIN, login } from './fixtures';

// What a new provider meets on the first day (issue 23, item 9).

test('Ajustes enlaza el formulario público, que se puede incrustar en la página del proveedor', async ({ page, request }) => {
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes');
	const section = page.getByRole('region', { name: 'Formulario público de solicitud' });
	const url = await section.getByLabel('Enlace del formulario').inputValue();
	expect(url).toMatch(/\/solicitar\?p=[a-z0-9-]+$/);
	await expect(section.getByLabel(/Para tu página web/)).toHaveValue(new RegExp(`<iframe src="${url.replace(/[?.]/g, '\\$&')}"`));

	// The link opens the provider's form; only that page may be framed by another site.
	const form = await request.get(url);
	expect(form.status()).toBe(200);
	expect(form.headers()['content-security-policy']).toBe('frame-ancestors *');
	expect(form.headers()['x-frame-options']).toBeUndefined();
	const board = await request.get('/login');
	expect(board.headers()['x-frame-options']).toBe('DENY');

	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('una dirección que no existe dice «No encontramos esa página»', async ({ page }) => {
	const res = await page.goto('/esta-pagina-no-existe');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'No encontramos esa página' })).toBeVisible();
	await expect(page.getByText('Algo salió mal')).toHaveCount(0);
});
