import { test, expect, type Locator, type Page } from '@playwright/test';
import { ADMIN, login, dragReady } from './fixtures';

// The board's columns: a drop anywhere in a column lands, seven open columns fit a 1440 px screen,
// and a column folds to a strip that the browser remembers.
const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };
const OPEN = ['preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada', 'asignada', 'firmada', 'activa'];

const column = (page: Page, stage: string) => page.locator(`section[data-stage="${stage}"]`);
const cardIn = (scope: Page | Locator, name: string) => scope.locator('[data-card-id]', { hasText: name });

async function boardIsLive(page: Page) {
	await expect(page.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible({ timeout: 10_000 });
}

/** svelte-dnd-action follows real mouse events: press, move in small steps, release near the column's bottom. */
async function dragToBottom(page: Page, from: Locator, to: Locator) {
	const a = (await from.boundingBox())!;
	const b = (await to.boundingBox())!;
	const x = b.x + b.width / 2;
	const y = b.y + b.height - 30;
	await page.mouse.move(a.x + a.width / 2, a.y + 12);
	await dragReady(page);
	await page.mouse.down();
	await page.mouse.move(a.x + a.width / 2 + 5, a.y + 18, { steps: 3 });
	await page.mouse.move(x, y - 10, { steps: 15 });
	await page.waitForTimeout(150);
	await page.mouse.move(x, y, { steps: 3 });
	await page.mouse.up();
}

test('soltar una tarjeta al fondo de una columna vacía la deja ahí', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const name = 'Luis Ángel Gómez Poot';
	// The search leaves every other column empty: the card is dropped far below the list's first rows.
	await page.goto(`/tablero?q=${encodeURIComponent('Gómez Poot')}`);
	await boardIsLive(page);
	const target = column(page, 'preinstalacion');
	await expect(target.locator('[data-card-id]')).toHaveCount(0);
	const box = (await target.boundingBox())!;
	expect(box.height).toBeGreaterThan(500);

	// Moving back along the flow needs no data, so the coordinator's drop is accepted.
	await dragToBottom(page, cardIn(column(page, 'cobertura_confirmada'), name), target);
	await expect(cardIn(target, name)).toBeVisible();
	await expect(cardIn(column(page, 'cobertura_confirmada'), name)).toHaveCount(0);
	// Moving it back restarts its time in the column, not its age since it was registered (demo: 32 h).
	await expect(cardIn(target, name).getByTestId('card-age')).toHaveAttribute(
		'title',
		/^Tiempo en esta columna: \d+ min · desde el registro: 3\d h/
	);
	await page.reload();
	await boardIsLive(page);
	await expect(cardIn(column(page, 'preinstalacion'), name)).toBeVisible();

	// And forward again, to the bottom of the column it came from (its data still meets the guard).
	await dragToBottom(page, cardIn(column(page, 'preinstalacion'), name), column(page, 'cobertura_confirmada'));
	await expect(cardIn(column(page, 'cobertura_confirmada'), name)).toBeVisible();
	await page.reload();
	await boardIsLive(page);
	await expect(cardIn(column(page, 'cobertura_confirmada'), name)).toBeVisible();
	await expect(cardIn(column(page, 'preinstalacion'), name)).toHaveCount(0);
});

test('a 1440 px caben las siete columnas abiertas; una columna se contrae y el navegador lo recuerda', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await login(page, ADMIN.email, ADMIN.password);
	await boardIsLive(page);
	for (const stage of OPEN) await expect(column(page, stage), stage).toBeInViewport({ ratio: 1 });
	const scroller = column(page, 'preinstalacion').locator('xpath=..');
	expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
	await page.screenshot({ path: 'test-results/screens/tablero-1440x900.png' });

	// Folding with the keyboard: the strip takes the focus, so Enter unfolds it again.
	const collapse = page.getByRole('button', { name: 'Contraer «Activa»' });
	await collapse.focus();
	await page.keyboard.press('Enter');
	const strip = page.locator('[data-collapsed-stage="activa"]');
	await expect(strip).toBeVisible();
	await expect(column(page, 'activa')).toHaveCount(0);
	const expand = page.getByRole('button', { name: 'Expandir «Activa»' });
	await expect(expand).toBeFocused();
	expect((await strip.boundingBox())!.width).toBeLessThan(60);
	await expect(strip.getByRole('heading', { name: 'Activa' })).toBeVisible();

	await page.reload();
	await boardIsLive(page);
	await expect(strip).toBeVisible();
	await expect(column(page, 'activa')).toHaveCount(0);

	await expand.focus();
	await page.keyboard.press('Enter');
	await expect(column(page, 'activa')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Contraer «Activa»' })).toBeFocused();
	await page.reload();
	await boardIsLive(page);
	await expect(column(page, 'activa')).toBeInViewport({ ratio: 1 });
	await expect(strip).toHaveCount(0);

	// Another user on the same browser keeps their own choice.
	await page.getByRole('button', { name: 'Contraer «Firmada»' }).click();
	await expect(page.locator('[data-collapsed-stage="firmada"]')).toBeVisible();
	await page.context().clearCookies();
	await login(page, COORDINATOR.email, COORDINATOR.password);
	await boardIsLive(page);
	await expect(column(page, 'firmada')).toBeVisible();
	await expect(page.locator('[data-collapsed-stage="firmada"]')).toHaveCount(0);
	await expect(page.locator('[data-collapsed-stage="cancelada"]')).toBeVisible();
});

test('capturas del tablero a 1280 y 390 px: el teléfono conserva sus columnas a lo ancho', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await login(page, ADMIN.email, ADMIN.password);
	await boardIsLive(page);
	await page.screenshot({ path: 'test-results/screens/tablero-1280x800.png' });

	await page.setViewportSize({ width: 390, height: 844 });
	await page.reload();
	await boardIsLive(page);
	await page.screenshot({ path: 'test-results/screens/tablero-390x844.png' });
	// A phone shows one column at a time, swiped; open columns don't fold there.
	await expect(column(page, 'preinstalacion').getByRole('button', { name: 'Contraer «Preinstalación»' })).toBeHidden();
	expect((await column(page, 'preinstalacion').boundingBox())!.width).toBeGreaterThan(280);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('el calendario escribe los días en minúsculas y la franja «por la mañana» / «por la tarde»', async ({ page }) => {
	await login(page, COORDINATOR.email, COORDINATOR.password);
	await page.goto('/calendario');
	const heads = page.getByRole('columnheader');
	await expect(heads.nth(1)).toHaveText(/^(lun|mar|mié|jue|vie|sáb|dom) \d{1,2} de [a-z]+$/);
	const texts = await heads.allTextContents();
	for (const t of texts.slice(1)) expect(t.trim()).toMatch(/^(lun|mar|mié|jue|vie|sáb|dom) \d{1,2} de [a-z]+$/);
	// The demo agrees some visits for a part of the day: never a bare «mañana» under a date.
	const jobs = await page.locator('[data-job]').allTextContents();
	expect(jobs.length).toBeGreaterThan(0);
	for (const j of jobs) expect(j.trim()).not.toMatch(/^(mañana|tarde)\s/);
	expect(jobs.some((j) => /^\s*por la (mañana|tarde) #\d+/.test(j))).toBe(true);
});

test('la pantalla de la oficina separa el número de la columna de su nombre («6 / 25», no «Documentos6/ 25»)', async ({
	page,
	browser
}) => {
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes/pantallas');
	await page.getByLabel('Nombre de la pantalla').fill('TV columnas');
	await page.getByRole('button', { name: 'Crear enlace' }).click();
	const url = await page.getByTestId('display-url').inputValue();
	const tv = await (
		await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'es-MX', timezoneId: 'America/Cancun' })
	).newPage();
	await tv.goto(new URL(url).pathname);
	await expect(tv.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
	const heading = tv.getByTestId('display-column-documentos_pendientes').getByRole('heading');
	// The words themselves, not their box: a long word can spill out of a box squeezed by the count.
	const words = await heading.locator('.stage').evaluate((el) => {
		const r = document.createRange();
		r.selectNodeContents(el);
		return [...r.getClientRects()].map((b) => ({ left: b.left, right: b.right, top: b.top, bottom: b.bottom }));
	});
	const count = (await heading.locator('.count').boundingBox())!;
	for (const w of words) {
		const sameRow = w.bottom > count.y && w.top < count.y + count.height;
		if (sameRow) expect(count.x - w.right).toBeGreaterThanOrEqual(12);
	}
	await expect(heading.locator('.limit')).toHaveText(/^\/\s25$/);
	const limit = (await heading.locator('.limit').boundingBox())!;
	const number = await heading.locator('.count').evaluate((el) => {
		const r = document.createRange();
		r.setStart(el.firstChild!, 0);
		r.setEnd(el.firstChild!, 1);
		return r.getBoundingClientRect().right;
	});
	expect(limit.x - number).toBeGreaterThanOrEqual(3);
	await tv.screenshot({ path: 'test-results/screens/pantalla-columnas-1920x1080.png' });
	await tv.context().close();
});
