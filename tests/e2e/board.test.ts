import { test, expect, type Locator, type Page } from '@playwright/test';
import { ADMIN, login, dragReady } from './fixtures';

const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };
const AGENT = { email: 'agente@demo.invalid', password: 'demo-tecnico-2026' };

const column = (page: Page, stage: string) => page.locator(`section[data-stage="${stage}"]`);
const cardIn = (scope: Page | Locator, name: string) => scope.locator('[data-card-id]', { hasText: name });

/** svelte-dnd-action follows real mouse events: press, move in small steps, release. */
async function drag(page: Page, from: Locator, to: Locator) {
	const a = (await from.boundingBox())!;
	const b = (await to.boundingBox())!;
	await page.mouse.move(a.x + a.width / 2, a.y + 12);
	await dragReady(page);
	await page.mouse.down();
	await page.mouse.move(a.x + a.width / 2 + 5, a.y + 18, { steps: 3 });
	await page.mouse.move(b.x + b.width / 2, b.y + 40, { steps: 15 });
	await page.waitForTimeout(150);
	await page.mouse.move(b.x + b.width / 2, b.y + 45, { steps: 3 });
	await page.mouse.up();
}

async function boardIsLive(page: Page) {
	await expect(page.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible({ timeout: 10_000 });
}

test('una tarjeta arrastrada en un navegador aparece en el otro en menos de un segundo', async ({ browser }) => {
	const a = await (await browser.newContext()).newPage();
	const b = await (await browser.newContext()).newPage();
	await login(a, COORDINATOR.email, COORDINATOR.password);
	await login(b, ADMIN.email, ADMIN.password);
	await boardIsLive(a);
	await boardIsLive(b);

	// Moving back along the flow needs no data, so the coordinator's drop is accepted.
	const name = 'Lucía Carrillo Xiu';
	await expect(cardIn(column(b, 'cobertura_confirmada'), name)).toBeVisible();
	await drag(a, cardIn(column(a, 'cobertura_confirmada'), name), column(a, 'preinstalacion').locator('ul'));

	await expect(cardIn(column(a, 'preinstalacion'), name)).toBeVisible();
	await expect(cardIn(column(b, 'preinstalacion'), name)).toBeVisible({ timeout: 1000 });
	await expect(cardIn(column(b, 'cobertura_confirmada'), name)).toHaveCount(0);
	await a.context().close();
	await b.context().close();
});

test('un arrastre rechazado regresa a su columna y explica por qué en español', async ({ page }) => {
	await login(page, AGENT.email, AGENT.password);
	await boardIsLive(page);
	const name = 'Emilio Sosa Puc';
	await drag(page, cardIn(column(page, 'preinstalacion'), name), column(page, 'agendada').locator('ul'));

	const toast = page.getByRole('region', { name: 'Avisos del tablero' });
	await expect(toast).toContainText(`No se pudo mover «${name}»`);
	await expect(toast).toContainText('Falta el INE frontal: súbelo en Archivos.');
	await expect(cardIn(column(page, 'preinstalacion'), name)).toBeVisible();
	await expect(cardIn(column(page, 'agendada'), name)).toHaveCount(0);
	// An agent can't override the guard.
	await expect(toast.getByRole('button', { name: 'Mover de todos modos…' })).toHaveCount(0);
});

test('el menú «Mover a…» funciona solo con el teclado', async ({ page }) => {
	await login(page, COORDINATOR.email, COORDINATOR.password);
	await boardIsLive(page);
	const name = 'Yesenia Salazar Ucán';
	const card = cardIn(column(page, 'documentos_pendientes'), name);
	await card.focus();
	await page.keyboard.press('Tab'); // the card's link
	await page.keyboard.press('Tab'); // its "Mover a…" button
	const button = page.getByRole('button', { name: `Mover a… «${name}»` });
	await expect(button).toBeFocused();

	await page.keyboard.press('Enter');
	const menu = page.getByRole('menu');
	await expect(menu).toBeVisible();
	await expect(menu.getByRole('menuitem').first()).toBeFocused();
	// Escape closes and gives focus back to the button.
	await page.keyboard.press('Escape');
	await expect(menu).toHaveCount(0);
	await expect(button).toBeFocused();

	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('menuitem', { name: /Cobertura confirmada/ })).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(cardIn(column(page, 'cobertura_confirmada'), name)).toBeVisible();
	await expect(cardIn(column(page, 'documentos_pendientes'), name)).toHaveCount(0);
	await page.reload();
	await expect(cardIn(column(page, 'cobertura_confirmada'), name)).toBeVisible();
});

test('una tarjeta se abre en un panel sobre el tablero, y Escape la cierra con el teclado de vuelta en ella', async ({ page }) => {
	await login(page, COORDINATOR.email, COORDINATOR.password);
	await boardIsLive(page);
	// A demo card no other test moves, in a short column (always rendered).
	const name = 'Itzel Morales Yam';
	const link = cardIn(page, name).getByRole('link', { name: `Abrir la tarjeta de ${name}` });
	await link.click();
	// The panel's code is not part of the board's first load: it comes with the card.
	const panel = page.getByRole('dialog', { name: 'Detalle de la instalación' });
	await expect(panel.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}$/);
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await expect(page).toHaveURL(/\/tablero$/);
	await expect(link).toBeFocused();
	await boardIsLive(page);
});

test('una tarjeta que no se puede cargar deja el tablero como está, lo dice y enlaza a su página', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	await login(page, COORDINATOR.email, COORDINATOR.password);
	await boardIsLive(page);
	const name = 'Itzel Morales Yam';
	const link = cardIn(page, name).getByRole('link', { name: `Abrir la tarjeta de ${name}` });
	const panel = page.getByRole('dialog', { name: 'Detalle de la instalación' });
	const notices = page.getByRole('region', { name: 'Avisos del tablero' });
	const cardData = '**/instalaciones/*/__data.json*';

	// A phone out of signal: the card's data can't be fetched. The board stays, and says so.
	await page.route(cardData, (route) => route.abort('internetdisconnected'));
	await link.click();
	await expect(notices).toContainText(`No se pudo abrir la tarjeta de «${name}». Revisa tu conexión`);
	await expect(page).toHaveURL(/\/tablero$/);
	await expect(panel).toBeHidden();
	await expect(cardIn(column(page, 'asignada'), name)).toBeVisible();
	await notices.getByRole('button', { name: 'Cerrar aviso' }).click();
	await expect(notices).not.toContainText(name);

	// A card gone meanwhile (the server's real answer for a card that doesn't exist): the notice
	// links to the card's page, which tells why.
	await page.unroute(cardData);
	await page.route(cardData, async (route) =>
		route.fulfill({
			response: await route.fetch({ url: new URL('/instalaciones/00000000-0000-4000-8000-000000000000/__data.json', page.url()).href })
		})
	);
	await link.click();
	await notices.getByRole('link', { name: 'Abrir la página de la tarjeta' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'No encontramos esa página' })).toBeVisible();
	await expect(page).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}$/);

	// Back in signal, the same click opens the card beside the board.
	await page.unroute(cardData);
	await page.goto('/tablero');
	await boardIsLive(page);
	await link.click();
	await expect(panel.getByRole('heading', { level: 1, name })).toBeVisible();
	expect(errors).toEqual([]);
});

test('capturas del tablero en escritorio y en teléfono', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await login(page, ADMIN.email, ADMIN.password);
	await boardIsLive(page);
	await expect(page.getByRole('heading', { name: 'Preinstalación' })).toBeVisible();
	await page.screenshot({ path: 'test-results/board-1440x900.png' });

	await page.setViewportSize({ width: 390, height: 844 });
	await page.reload();
	await boardIsLive(page);
	await page.screenshot({ path: 'test-results/board-390x844.png' });
	// Columns scroll sideways on a phone instead of squeezing; the page itself doesn't: the toolbar
	// wraps, so the filters button and the connection indicator stay on screen.
	const scroller = page.locator('[data-stage="preinstalacion"]').locator('xpath=..');
	expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await expect(page.getByRole('button', { name: 'Filtros' })).toBeInViewport({ ratio: 1 });
	await expect(page.getByRole('status').filter({ hasText: 'En vivo' })).toBeInViewport({ ratio: 1 });
});
