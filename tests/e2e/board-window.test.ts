import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login, dragReady } from './fixtures';

// A column renders its first cards only; the rest come with «Mostrar N más» or by scrolling to its end.
const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };
const LEADS = 40;

const column = (page: Page, stage: string) => page.locator(`section[data-stage="${stage}"]`);
const rendered = (page: Page, stage: string) => column(page, stage).locator('li[data-card-id]');
const namesIn = (page: Page, stage: string) => rendered(page, stage).locator('a.name').allTextContents();
const countOf = async (page: Page, stage: string) => Number(await column(page, stage).locator('header .count').textContent());

/** Scrolls the column to its end until it renders `count` cards (each scroll renders the next cards, fetching pages as it goes; a long column on a busy machine takes a while). */
async function scrollToEnd(page: Page, stage: string, count: number) {
	const body = column(page, stage).locator('.body');
	await expect
		.poll(
			async () => {
				await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
				return rendered(page, stage).count();
			},
			{ timeout: 90_000 }
		)
		.toBe(count);
}

async function boardIsLive(page: Page) {
	await expect(page.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible({ timeout: 10_000 });
}

test('una columna larga muestra sus primeras tarjetas, «Mostrar más» trae las demás y un movimiento cae en su lugar', async ({
	page,
	browser
}) => {
	// Earlier tests may have left hundreds of cards in the column (board-pages.test.ts): scrolling through them takes a while.
	test.setTimeout(240_000);
	// Someone else's board is open while the new leads arrive: they reach it live, past its window.
	const watcher = await (await browser.newContext()).newPage();
	await login(watcher, COORDINATOR.email, COORDINATOR.password);
	await boardIsLive(watcher);
	const before = await countOf(watcher, 'preinstalacion');

	await login(page, ADMIN.email, ADMIN.password);
	const origin = new URL(page.url()).origin;
	for (let i = 1; i <= LEADS; i++) {
		const res = await page.request.post('/instalaciones/nueva', {
			form: {
				fullName: `Ventana ${String(i).padStart(2, '0')}`,
				phone: `99870${String(i).padStart(5, '0')}`,
				source: 'ventas',
				then: 'tablero'
			},
			headers: { origin, 'x-sveltekit-action': 'true', accept: 'application/json' }
		});
		expect((await res.json()).type).toBe('redirect');
	}
	const total = before + LEADS;

	// The count is the whole column; only the first cards are in the page.
	await expect(column(watcher, 'preinstalacion').locator('header .count')).toHaveText(String(total));
	const shown = await rendered(watcher, 'preinstalacion').count();
	expect(shown).toBeGreaterThanOrEqual(12);
	expect(shown).toBeLessThan(total);
	await expect(rendered(watcher, 'preinstalacion').filter({ hasText: `Ventana ${LEADS}` })).toHaveCount(0);
	const more = column(watcher, 'preinstalacion').getByRole('button', { name: `Mostrar ${Math.min(total - shown, shown)} más` });
	await expect(more).toBeVisible();
	await expect(more).toHaveAccessibleDescription(`Se muestran ${shown} de ${total}`);

	// Keyboard: the button shows the rest and the focus goes on to the first card that appeared.
	await more.evaluate((b: HTMLElement) => b.focus({ preventScroll: true }));
	await watcher.keyboard.press('Enter');
	await expect(rendered(watcher, 'preinstalacion')).toHaveCount(Math.min(total, shown * 2));
	await expect(rendered(watcher, 'preinstalacion').nth(shown)).toBeFocused();
	// Scrolling to the column's end brings the rest, a page at a time, until the whole column is in.
	await scrollToEnd(watcher, 'preinstalacion', total);
	await expect(column(watcher, 'preinstalacion').getByRole('button', { name: /^Mostrar \d+ más$/ })).toHaveCount(0);
	const order = await namesIn(watcher, 'preinstalacion');
	// The live leads sit in their place, at the end and in the order they were created.
	expect(order.slice(-LEADS)).toEqual(Array.from({ length: LEADS }, (_, i) => `Ventana ${String(i + 1).padStart(2, '0')}`));

	// A keyboard move into the partially rendered column, dropped under its last rendered card,
	// lands between that card and the first hidden one.
	const lastShownId = await rendered(watcher, 'preinstalacion')
		.nth(shown - 1)
		.getAttribute('data-card-id');
	const firstHiddenId = await rendered(watcher, 'preinstalacion').nth(shown).getAttribute('data-card-id');
	const sent: string[] = [];
	page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
	await page.goto('/tablero');
	await boardIsLive(page);
	await expect(rendered(page, 'preinstalacion')).toHaveCount(shown);
	// A demo card no other test uses.
	const name = 'Víctor Hugo Zapata Cab';
	const moving = rendered(page, 'cobertura_confirmada').filter({ hasText: name });
	await moving.focus();
	await dragReady(page);
	await page.keyboard.press('Space');
	// Taking the card to a column on its left puts it at the end of what that column renders.
	await column(page, 'preinstalacion').locator('ul').focus();
	await page.keyboard.press('Escape');
	await expect(rendered(page, 'preinstalacion').nth(shown)).toContainText(name);
	await expect(rendered(page, 'cobertura_confirmada').filter({ hasText: name })).toHaveCount(0);
	await expect(column(page, 'preinstalacion').locator('header .count')).toHaveText(String(total + 1));
	// The move names both real neighbours, the hidden one included.
	const move = sent.find((f) => f.includes('"card:move"'))!;
	expect(JSON.parse(move.slice(move.indexOf('[')))[1]).toMatchObject({
		toStage: 'preinstalacion',
		afterId: lastShownId,
		beforeId: firstHiddenId
	});

	// The other board gets it live, between the same two cards.
	await expect(rendered(watcher, 'preinstalacion')).toHaveCount(total + 1);
	expect(await namesIn(watcher, 'preinstalacion')).toEqual([...order.slice(0, shown), name, ...order.slice(shown)]);

	// Saved there: after a reload it is the first hidden card, and scrolling the column to its end brings it in.
	await page.reload();
	await boardIsLive(page);
	await expect(rendered(page, 'preinstalacion')).toHaveCount(shown);
	await scrollToEnd(page, 'preinstalacion', total + 1);
	expect(await namesIn(page, 'preinstalacion')).toEqual([...order.slice(0, shown), name, ...order.slice(shown)]);

	// «Mover a…» sends a card to the end of a long column: it is rendered there, with the keyboard on it.
	await page.reload();
	await boardIsLive(page);
	await expect(rendered(page, 'preinstalacion')).toHaveCount(shown);
	const other = 'Fátima Aguilar Noh';
	const menuButton = page.getByRole('button', { name: `Mover a… «${other}»` });
	await menuButton.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('menuitem', { name: /Preinstalación/ })).toBeFocused();
	// The open menu lies over the column headers and the neighbouring cards, so the mouse reaches it too.
	await page.getByRole('menuitem', { name: /Preinstalación/ }).click();
	await expect(rendered(page, 'preinstalacion').last()).toContainText(other);
	await expect(column(page, 'preinstalacion').locator('header .count')).toHaveText(String(total + 2));
	await expect(menuButton).toBeFocused();
	await watcher.context().close();
});
