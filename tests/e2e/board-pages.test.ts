import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';

// The board's page carries each column's first cards and every column's count; the rest come by
// pages (board:page) as a column scrolls. The first load must not grow with the number of cards.
const LEADS = 300;
const FIRST_PAGE = 24;

const column = (page: Page, stage: string) => page.locator(`section[data-stage="${stage}"]`);
const rendered = (page: Page, stage: string) => column(page, stage).locator('li[data-card-id]');

test('/tablero llega comprimido (brotli o gzip)', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	const res = await page.request.get('/tablero', { headers: { 'accept-encoding': 'br, gzip' } });
	expect(res.status()).toBe(200);
	expect(res.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
	expect(res.headers()['content-type']).toMatch(/text\/html/);
	expect(await res.text()).toContain('section');
	// Only what the browser accepts.
	const gzip = await page.request.get('/tablero', { headers: { 'accept-encoding': 'gzip' } });
	expect(gzip.headers()['content-encoding']).toBe('gzip');
	const plain = await page.request.get('/tablero', { headers: { 'accept-encoding': 'identity' } });
	expect(plain.headers()['content-encoding']).toBeUndefined();
});

test('una columna de cientos de tarjetas carga solo su primera página y trae las demás al desplazarse', async ({ page }) => {
	test.setTimeout(240_000);
	await login(page, ADMIN.email, ADMIN.password);
	const origin = new URL(page.url()).origin;
	for (let i = 1; i <= LEADS; i++) {
		const n = String(i).padStart(3, '0');
		const res = await page.request.post('/instalaciones/nueva', {
			form: { fullName: `Página ${n}`, phone: `99871${n.padStart(5, '0')}`, source: 'ventas', then: 'tablero' },
			headers: { origin, 'x-sveltekit-action': 'true', accept: 'application/json' }
		});
		expect((await res.json()).type).toBe('redirect');
	}

	// The page's data holds at most a page of the column, however long it is.
	const data = await (await page.request.get('/tablero/__data.json')).text();
	expect((data.match(/Página \d{3}/g) ?? []).length).toBeLessThanOrEqual(FIRST_PAGE);

	const pages: string[] = [];
	page.on('websocket', (ws) =>
		ws.on('framesent', (f) => typeof f.payload === 'string' && f.payload.includes('board:page') && pages.push(f.payload))
	);
	await page.goto('/tablero');
	await expect(page.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible({ timeout: 10_000 });
	const total = Number(await column(page, 'preinstalacion').locator('header .count').textContent());
	expect(total).toBeGreaterThanOrEqual(LEADS);
	expect(await rendered(page, 'preinstalacion').count()).toBeLessThanOrEqual(FIRST_PAGE);

	// Scrolling to the column's end asks for the next pages until every card is in, in order.
	const body = column(page, 'preinstalacion').locator('.body');
	await expect
		.poll(
			async () => {
				await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
				return rendered(page, 'preinstalacion').count();
			},
			{ timeout: 120_000 }
		)
		.toBe(total);
	expect(pages.length).toBeGreaterThanOrEqual(Math.floor((total - FIRST_PAGE) / 60));
	const names = (await rendered(page, 'preinstalacion').locator('a.name').allTextContents()).filter((n) => n.startsWith('Página'));
	expect(names).toEqual(Array.from({ length: LEADS }, (_, i) => `Página ${String(i + 1).padStart(3, '0')}`));
	await expect(column(page, 'preinstalacion').getByRole('button', { name: /^Mostrar \d+ más$/ })).toHaveCount(0);
});
