import { test, expect } from '@playwright/test';
import { ADMIN, login } from './fixtures';

test('el menú de la usuaria avisa de los intentos fallidos desde su último acceso y se puede descartar', async ({ page }) => {
	for (const guess of ['no-es-1', 'no-es-2']) {
		await page.goto('/login');
		await page.getByLabel('Correo electrónico').fill(ADMIN.email);
		await page.getByLabel('Contraseña').fill(guess);
		await page.getByRole('button', { name: 'Entrar' }).click();
		await expect(page.getByRole('alert')).toHaveText('Correo o contraseña incorrectos.');
	}
	await login(page, ADMIN.email, ADMIN.password);

	// Earlier tests may have failed too: at least these two are listed.
	const notice = page.locator('summary', { hasText: '⚠' });
	const label = await notice.getAttribute('aria-label');
	expect(Number(/^(\d+) intentos fallidos de entrar a tu cuenta desde tu último acceso$/.exec(label ?? '')?.[1])).toBeGreaterThanOrEqual(2);
	await notice.click();
	const panel = page.getByRole('region', { name: label! });
	await expect(panel.locator('li')).not.toHaveCount(0);
	await expect(panel.locator('li').first()).toContainText(/desde (127\.0\.0\.1|::1)/);
	await panel.getByRole('button', { name: 'Entendido' }).click();
	await expect(notice).toHaveCount(0);

	// Dismissed for good: a new page load does not bring it back.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Preinstalación' })).toBeVisible();
	await expect(page.locator('summary', { hasText: '⚠' })).toHaveCount(0);
});
