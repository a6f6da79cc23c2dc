import { test, expect, type Page } from '@playwright/test';
import { login, logout } from './fixtures';
import { startTileServer } from './tile-server';
import { slotSortKey } from '../../src/lib/domain/time-slot';

// The day on a map: playwright.config.ts points MAP_TILE_URL at this test's tile server, so the
// tiles the page shows prove the Content-Security-Policy lets exactly that server's images in.
const PORT = Number(process.env.E2E_PORT ?? 3199);
const PASSWORD = 'demo-tecnico-2026';
// The demo visit (asignada, in four days, zone RB1) the coordinator moves to Pedro's today.
const MOVED = 'Adriana Mejía Tuz';
let tiles: Awaited<ReturnType<typeof startTileServer>>;

test.beforeAll(async () => {
	tiles = await startTileServer(PORT + 2000);
});
test.afterAll(() => tiles.close());

const COORDS = /(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/;

/** The map is ready, its tiles came from the local server and were allowed to show. */
async function expectTiles(page: Page) {
	await expect(page.getByTestId('day-map')).toHaveAttribute('data-state', 'ready');
	await expect.poll(() => tiles.requests.length).toBeGreaterThan(0);
	const tile = page.locator('img.leaflet-tile').first();
	await expect(tile).toHaveAttribute('src', new RegExp(`^http://127\\.0\\.0\\.1:${PORT + 2000}/\\d+/\\d+/\\d+\\.png$`));
	await expect.poll(() => tile.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
	await expect(page.locator('.leaflet-control-attribution')).toContainText('Mosaicos de prueba © OpenStreetMap contributors');
}

/** Every listed stop with coordinates has one pin; numbers run 1..n; directions point at the same place. */
async function expectStops(page: Page) {
	const stops = page.getByTestId('map-stop');
	await expect(stops.first()).toBeVisible();
	const pinned = stops.and(page.locator('[data-pinned="yes"]'));
	const n = await pinned.count();
	expect(n).toBeGreaterThan(0);
	await expect(page.locator('.leaflet-marker-icon.stop-pin')).toHaveCount(n);
	for (let i = 0; i < n; i++) {
		const stop = pinned.nth(i);
		const google = await stop.getByRole('link', { name: 'Cómo llegar (Google Maps)' }).getAttribute('href');
		const waze = await stop.getByRole('link', { name: 'Cómo llegar (Waze)' }).getAttribute('href');
		expect(google).toMatch(/^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=-?\d+(\.\d+)?,-?\d+(\.\d+)?$/);
		expect(waze).toMatch(/^https:\/\/waze\.com\/ul\?ll=-?\d+(\.\d+)?,-?\d+(\.\d+)?&navigate=yes$/);
		expect(COORDS.exec(waze!)![0]).toBe(COORDS.exec(google!)![0]);
	}
	return n;
}

const cancunDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Cancun' }).format(d);

test('el técnico ve su día en el mapa: un pin numerado por visita, en orden, con cómo llegar', async ({ page }) => {
	// The coordinator gives Pedro (tecnico1) a second visit today, from the calendar of its day (demo: in
	// four days; tomorrow's visits belong to the «Para mañana» test).
	await login(page, 'coordinador@demo.invalid', PASSWORD);
	const later = cancunDay(new Date(Date.now() + 4 * 86_400_000));
	await page.goto(`/calendario?vista=dia&fecha=${later}`);
	const job = page.locator('article.job').filter({ hasText: MOVED });
	await job.getByText('Mover', { exact: true }).click();
	await job.getByLabel('Fecha de instalación').fill(cancunDay(new Date()));
	await job.getByLabel('Técnico').selectOption({ label: 'Pedro Canché Dzib' });
	await job.getByRole('button', { name: 'Guardar' }).click();
	await expect(job).toHaveCount(0);
	await logout(page);

	await page.setViewportSize({ width: 390, height: 844 });
	await login(page, 'tecnico1@demo.invalid', PASSWORD, /\/tecnico$/);
	await page.getByRole('link', { name: 'Ver mi día en el mapa' }).click();
	await expect(page).toHaveURL(/\/tecnico\/mapa$/);
	await expect(page.getByRole('heading', { name: /Mi día en el mapa/ })).toBeVisible();
	await expectTiles(page);
	const n = await expectStops(page);
	expect(n).toBeGreaterThanOrEqual(2);

	// One technician: the list is numbered 1..n in visiting order (by time slot), like the pins.
	const orders = await page.getByTestId('map-stop').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-order'))));
	expect(orders).toEqual(orders.map((_, i) => i + 1));
	const times = (await page.getByTestId('map-stop').locator('.time').allTextContents()).map(slotSortKey);
	expect(times).toEqual([...times].sort());
	await expect(page.getByTestId('map-stop').filter({ hasText: MOVED })).toHaveCount(1);
	const pinNumbers = await page.locator('.leaflet-marker-icon.stop-pin').allTextContents();
	const pinnedOrders = await page
		.locator('[data-testid="map-stop"][data-pinned="yes"]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-order')));
	expect(pinNumbers.map((t) => t.trim()).sort()).toEqual(pinnedOrders.sort());
	expect(pinNumbers).toHaveLength(n);
	await page.screenshot({ path: 'test-results/screens/mapa-tecnico-390x844.png', fullPage: true });

	// «Ver en el mapa» opens the stop's popup; the pin is reachable with the keyboard too.
	const first = page.locator('[data-testid="map-stop"][data-pinned="yes"]').first();
	const name = (await first.locator('a.name').textContent())!.trim();
	await first.getByRole('button', { name: 'Ver en el mapa' }).click();
	await expect(page.locator('.leaflet-popup-content')).toContainText(name);
	await page.keyboard.press('Escape');
	const pin = page.locator('.leaflet-marker-icon.stop-pin').first();
	await pin.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('.leaflet-popup-content')).toBeVisible();

	// The directions lead where the job page's own map link does.
	const google = (await first.getByRole('link', { name: 'Cómo llegar (Google Maps)' }).getAttribute('href'))!;
	await first.locator('a.name').click();
	await expect(page).toHaveURL(/\/tecnico\/[0-9a-f-]{36}$/);
	const own = (await page.getByRole('link', { name: /Abrir en mapas/ }).getAttribute('href'))!;
	expect(COORDS.exec(google)![0]).toBe(COORDS.exec(own)![0]);

	// Another day with the picker; the office's map stays closed to technicians.
	await page.goto('/tecnico/mapa?fecha=2020-01-01');
	await expect(page.getByText('No hay visitas agendadas para este día.')).toBeVisible();
	expect((await page.goto('/calendario/mapa'))?.status()).toBe(403);
	await page.setViewportSize({ width: 1440, height: 900 });
	const res = await page.goto('/tecnico/mapa');
	// img-src gains exactly the configured tile origin, nothing broader.
	const imgSrc = /(?:^|;\s*)img-src ([^;]*)/.exec(res!.headers()['content-security-policy'])![1].split(' ');
	expect(imgSrc).toEqual(["'self'", 'data:', 'blob:', `http://127.0.0.1:${PORT + 2000}`]);
	await expectTiles(page);
	await page.screenshot({ path: 'test-results/screens/mapa-tecnico-1440x900.png', fullPage: true });
});

test('la coordinadora ve a todos los técnicos del día por color, con las zonas dibujadas', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await login(page, 'coordinador@demo.invalid', PASSWORD);
	await page.goto('/calendario');
	await page.getByRole('link', { name: 'Mapa del día' }).click();
	await expect(page).toHaveURL(/\/calendario\/mapa\?fecha=\d{4}-\d{2}-\d{2}$/);
	await expectTiles(page);
	const n = await expectStops(page);

	// Coverage areas with their zone names; a legend entry per technician of the day.
	expect(await page.locator('path.zone-area').count()).toBeGreaterThan(0);
	await expect(page.locator('.zone-label').filter({ hasText: /RB1/ }).first()).toBeVisible();
	const groups = page.locator('section.group h3');
	expect(await groups.count()).toBeGreaterThan(0);
	const legend = page.locator('.legend li');
	for (const heading of await groups.allTextContents()) {
		const techName = heading.replace(/\d+\s*$/, '').trim();
		await expect(legend.filter({ hasText: techName })).toHaveCount(1);
	}

	// Each technician's stops are numbered from 1; the popup names the technician.
	for (const h of await page.locator('section.group').all()) {
		const orders = await h.getByTestId('map-stop').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-order'))));
		expect(orders).toEqual(orders.map((_, i) => i + 1));
	}
	await page.screenshot({ path: 'test-results/screens/mapa-coordinacion-1440x900.png', fullPage: true });
	const stop = page.locator('[data-testid="map-stop"][data-pinned="yes"]').first();
	const tech = (await stop.getAttribute('data-technician')) || 'Sin técnico';
	await stop.getByRole('button', { name: 'Ver en el mapa' }).click();
	await expect(page.locator('.leaflet-popup-content')).toContainText(tech);
	await page.screenshot({ path: 'test-results/screens/mapa-coordinacion-popup-1440x900.png', fullPage: true });

	// The day picker moves the map to another day.
	await page.getByLabel('Día', { exact: true }).fill('2020-01-01');
	await page.getByRole('button', { name: 'Ver', exact: true }).click();
	await expect(page).toHaveURL(/fecha=2020-01-01/);
	await expect(page.getByText('No hay visitas agendadas para este día.')).toBeVisible();
	await expect(page.locator('.leaflet-marker-icon.stop-pin')).toHaveCount(0);
	await expect(page.locator('path.zone-area').first()).toBeAttached();

	await page.setViewportSize({ width: 390, height: 844 });
	await page.goBack();
	await expect(page.locator('.leaflet-marker-icon.stop-pin')).toHaveCount(n);
	await page.screenshot({ path: 'test-results/screens/mapa-coordinacion-390x844.png', fullPage: true });
});
