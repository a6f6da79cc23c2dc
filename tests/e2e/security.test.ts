import { test, expect } from '@playwright/test';
import { ADMIN, login } from './fixtures';

test('las páginas envían CSP y encabezados de seguridad, y la app funciona sin violaciones', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (msg) => {
		if (/Content Security Policy|Refused to/.test(msg.text())) violations.push(msg.text());
	});
	const res = await page.goto('/login');
	const headers = res!.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/tablero');
	await page.goto('/usuarios');
	await page.goto('/ajustes');
	await page.goto('/calendario');
	expect(violations).toEqual([]);
});
