import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';

// The mobile goals that do not depend on the machine's speed (issue 22, `npm run bench:mobile`):
// what the board's first load transfers, and how much the pages move while they finish loading.
// Lighthouse's phone: a 412 px wide screen.
test.use({ viewport: { width: 412, height: 823 }, hasTouch: true, isMobile: true });

const TECHNICIAN = { email: 'tecnico1@demo.invalid', password: 'demo-tecnico-2026' };

/** Records every layout shift from the first paint on, with what moved, for the test's message. */
async function recordShifts(page: Page) {
	await page.addInitScript(() => {
		const shifts: { value: number; moved: string[] }[] = [];
		(window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as unknown as {
				value: number;
				hadRecentInput: boolean;
				sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
			}[]) {
				if (e.hadRecentInput) continue;
				const moved = e.sources.map((s) => {
					const el = s.node instanceof Element ? s.node : s.node?.parentElement;
					const name = el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : '?';
					return `${name} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} (${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)} px)`;
				});
				shifts.push({ value: e.value, moved });
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

const shifts = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: { value: number; moved: string[] }[] }).__shifts);

for (const [where, user, path, lands] of [
	['«Mis trabajos»', TECHNICIAN, '/tecnico', /\/tecnico$/],
	['El tablero', ADMIN, '/tablero', /\/tablero/]
] as const) {
	test(`${where} no se mueve mientras termina de cargar en el teléfono (CLS < 0.05)`, async ({ page }) => {
		await login(page, user.email, user.password, lands);
		await recordShifts(page);
		// Everything that arrives after the page: the bell's notices, the live connection, the offline queue.
		const notices = page.waitForResponse((r) => r.url().endsWith('/api/notificaciones'));
		await page.goto(path);
		await notices;
		await expect(page.locator('main a[href^="/tecnico/"], main li[data-card-id]').first()).toBeVisible();
		if (path === '/tablero') await expect(page.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible();
		await page.waitForLoadState('networkidle');
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		const all = await shifts(page);
		const cls = all.reduce((sum, s) => sum + s.value, 0);
		expect(cls, JSON.stringify(all, null, 1)).toBeLessThan(0.05);
	});
}

/** Every response of a cold load of `path` (no cache), with its bytes on the wire as Lighthouse counts them (headers included). */
async function coldLoad(page: Page, path: string): Promise<{ path: string; bytes: number }[]> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.clearBrowserCache');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const urls = new Map<string, string>();
	const loaded: { path: string; bytes: number }[] = [];
	cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
	cdp.on('Network.loadingFinished', (e) =>
		loaded.push({ path: new URL(urls.get(e.requestId) ?? '/', 'http://x').pathname, bytes: e.encodedDataLength })
	);
	await page.goto(path);
	await expect(page.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await cdp.detach();
	return loaded;
}

test('el primer tablero del teléfono no trae lo que no muestra', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	const loaded = await coldLoad(page, '/tablero');
	const paths = loaded.map((r) => r.path);
	// The bell's notices once (not again when the live connection comes up), the «Mis trabajos»
	// app's manifest and icons only for technicians, and the notice list only when the bell opens.
	expect(paths.filter((p) => p === '/api/notificaciones')).toHaveLength(1);
	expect(paths.filter((p) => p.includes('manifest') || p.startsWith('/icons/'))).toEqual([]);
	const total = loaded.reduce((sum, r) => sum + r.bytes, 0);
	test
		.info()
		.annotations.push({ type: 'first-load transfer', description: `${(total / 1024).toFixed(1)} KB in ${loaded.length} responses` });

	const before = new Set(paths);
	const later: string[] = [];
	page.on('response', (r) => later.push(new URL(r.url()).pathname));
	await page.getByRole('button', { name: /^Avisos/ }).click();
	await expect(page.getByRole('region', { name: 'Avisos', exact: true })).toBeVisible();
	await expect.poll(() => later.some((p) => p.endsWith('.js') && !before.has(p))).toBe(true);
});

test('la biblioteca de arrastre llega con el primer toque o foco en las columnas, no con el tablero', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	// The pointer away from the columns (the login button it pressed may sit where a column opens).
	await page.mouse.move(1, 1);
	const loaded = await coldLoad(page, '/tablero');
	const zones = page.locator('.columns ul[data-dnd="ready"]');
	await expect(zones).toHaveCount(0);
	// dnd-action gives each zone its keyboard instructions when it sets it up: none yet.
	await expect(page.locator('.columns ul[aria-describedby]')).toHaveCount(0);
	// Nothing is missing meanwhile: the cards open and «Mover a…» is there.
	await expect(
		page
			.locator('li[data-card-id]')
			.first()
			.getByRole('button', { name: /^Mover a…/ })
	).toBeVisible();

	const before = new Set(loaded.map((r) => r.path));
	const later: string[] = [];
	page.on('response', (r) => later.push(new URL(r.url()).pathname));
	await page.locator('li[data-card-id]').first().focus();
	await expect(zones.first()).toBeAttached();
	expect(later.filter((p) => p.endsWith('.js') && !before.has(p)).length).toBeGreaterThan(0);
	// Every open column is a drop zone now, with dnd-action's keyboard instructions.
	await expect(zones).toHaveCount(await page.locator('.columns ul').count());
	await expect(zones.first()).toHaveAttribute('aria-describedby', /.+/);
});
