import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { ADMIN, login, logout } from './fixtures';

const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };

test('la administradora abre la bitácora de auditoría, la filtra y la descarga en CSV; nadie más la ve', async ({ page }) => {
	// A failed and a good sign-in of the coordinator, who is then refused the page.
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(COORDINATOR.email);
	await page.getByLabel('Contraseña').fill('no-es-esta');
	await page.getByRole('button', { name: 'Entrar' }).click();
	await expect(page.getByRole('alert')).toHaveText('Correo o contraseña incorrectos.');
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const refused = await page.goto('/ajustes/auditoria');
	expect(refused?.status()).toBe(403);
	expect((await page.request.get('/ajustes/auditoria/csv')).status()).toBe(403);
	await page.goto('/tablero');
	await logout(page);

	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes');
	await page.getByRole('navigation', { name: 'Ajustes' }).getByRole('link', { name: 'Auditoría' }).click();
	await expect(page.getByRole('heading', { name: 'Bitácora de auditoría' })).toBeVisible();
	const rows = page.locator('table.audit tbody tr');
	await expect(rows.first()).toBeVisible();

	await page.getByLabel('Acción').selectOption({ label: 'Inicio de sesión fallido' });
	await page.getByRole('button', { name: 'Filtrar' }).click();
	await expect(page).toHaveURL(/kind=login_failed/);
	await expect(rows).not.toHaveCount(0);
	for (const kind of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')))) expect(kind).toBe('login_failed');
	await expect(rows.first()).toContainText(COORDINATOR.email);
	await expect(rows.first()).toContainText(/127\.0\.0\.1|::1/);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Exportar CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^bitacora-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
	const lines = csv.trim().split(/\r?\n/);
	expect(lines[0]).toBe('Fecha y hora,Acción,Quién,Sobre,Detalle,IP');
	expect(lines.length).toBeGreaterThan(1);
	expect(lines.slice(1).every((l) => l.includes('Inicio de sesión fallido'))).toBe(true);

	// The export itself is in the log.
	await page.getByLabel('Acción').selectOption({ label: 'Bitácora exportada' });
	await page.getByRole('button', { name: 'Filtrar' }).click();
	await expect(rows.first()).toContainText(ADMIN.name);
	await expect(rows.first()).toContainText('tipo: Inicio de sesión fallido');
});
