// Issue 23, item 3: axe-core finds no critical or serious problem on any page, for every role, in
// both languages, and with the board's open states (the card's panel, «Mover a…», a dialog).
import { test, expect, type Browser, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';
import { expectAccessible, pageIsReady, useLocale, type Locale } from './axe';

const DEMO_PASSWORD = 'demo-tecnico-2026';
const COORDINATOR = { email: 'coordinador@demo.invalid', password: DEMO_PASSWORD };
const AGENT = { email: 'agente@demo.invalid', password: DEMO_PASSWORD };
const TECHNICIAN = { email: 'tecnico1@demo.invalid', password: DEMO_PASSWORD };

const SETTINGS = [
	'',
	'auditoria',
	'cancelacion',
	'catalogo',
	'checklists',
	'cobro',
	'contratos',
	'etapas',
	'integraciones',
	'llamada',
	'mensajes',
	'pantallas',
	'seguimiento',
	'zonas'
].map((p) => `/ajustes${p ? `/${p}` : ''}`);
const OFFICE = ['/llamadas', '/calendario', '/calendario?vista=dia', '/recordatorios', '/notificaciones', '/instalaciones/nueva'];
const LOCALES: Locale[] = ['es', 'en'];

// Each test visits several pages and runs axe on each: generous, for a loaded 2-core machine.
test.describe.configure({ timeout: 300_000 });

/** A page of the user's own, signed in and in `locale` (login's labels are Spanish, so it comes first). */
async function signedIn(browser: Browser, baseURL: string, user: { email: string; password: string }, locale: Locale, lands?: RegExp) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	await login(page, user.email, user.password, lands);
	await useLocale(context, baseURL, locale);
	return page;
}

async function check(page: Page, path: string, locale: Locale) {
	await page.goto(path);
	await pageIsReady(page, locale);
	await expectAccessible(page, path);
}

/** The board, live, its columns drawn. */
async function boardIsLive(page: Page, locale: Locale) {
	await page.goto('/tablero');
	await pageIsReady(page, locale);
	await expect(page.getByRole('status').filter({ hasText: locale === 'es' ? 'En vivo' : 'Live' })).toBeVisible();
	await expect(page.locator('section[data-stage] [data-card-id]').first()).toBeVisible();
}

/** The board with each of its open states: a card's panel, the «Mover a…» menu, the cancel dialog. */
async function checkBoardStates(page: Page, locale: Locale, canCancel: boolean) {
	await boardIsLive(page, locale);
	await expectAccessible(page, 'el tablero');

	const card = page.locator('section[data-stage="documentos_pendientes"] [data-card-id]').first();
	await card.getByRole('button', { name: locale === 'es' ? /Mover a/ : /Move to/ }).click();
	const menu = page.getByRole('menu');
	await expect(menu.getByRole('menuitem').first()).toBeFocused();
	await expectAccessible(page, 'el menú «Mover a…» abierto');
	if (canCancel) {
		await menu.getByRole('menuitem', { name: locale === 'es' ? /Cancelada/ : /Cancelled/ }).click();
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByRole('radio').first()).toBeFocused();
		await expectAccessible(page, 'el diálogo de cancelar');
		await page.keyboard.press('Escape');
		await expect(dialog).toHaveCount(0);
	} else {
		await page.keyboard.press('Escape');
		await expect(menu).toHaveCount(0);
	}

	await card.locator('a').first().click();
	const panel = page.getByRole('dialog');
	await expect(panel.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(panel.getByRole('tab').first()).toBeVisible();
	await expectAccessible(page, 'el panel de la tarjeta sobre el tablero');
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
}

/** A card's own page, tab by tab (each tab shows other sections). */
async function checkCardTabs(page: Page, id: string, locale: Locale) {
	await page.goto(`/instalaciones/${id}`);
	await pageIsReady(page, locale);
	const tabs = page.getByRole('tab');
	const count = await tabs.count();
	expect(count).toBeGreaterThan(1);
	for (let i = 0; i < count; i++) {
		await tabs.nth(i).click();
		await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
		await expect(page.locator('[role="tabpanel"]:visible')).toHaveCount(1);
		await expectAccessible(page, `la tarjeta, pestaña ${(await tabs.nth(i).textContent())?.trim()}`);
	}
}

const firstCardId = async (page: Page, stage: string) =>
	(await page.locator(`section[data-stage="${stage}"] [data-card-id]`).first().getAttribute('data-card-id'))!;

/** The admin's pages, in groups small enough for a slow machine: each group signs in on its own. */
const ADMIN_GROUPS: [string, (page: Page, locale: Locale) => Promise<void>][] = [
	['el tablero y sus estados abiertos', (page, locale) => checkBoardStates(page, locale, true)],
	// A card's page per stage (each opens on other tabs); the assigned one with its printable sheet.
	...(['preinstalacion', 'asignada', 'activa'] as const).map((stage): [string, (page: Page, locale: Locale) => Promise<void>] => [
		`una tarjeta en ${stage}`,
		async (page, locale) => {
			await boardIsLive(page, locale);
			const id = await firstCardId(page, stage);
			await checkCardTabs(page, id, locale);
			if (stage === 'asignada') await check(page, `/instalaciones/${id}/hoja`, locale);
		}
	]),
	[
		'oficina',
		async (page, locale) => {
			for (const path of [...OFFICE, '/reportes', '/usuarios', '/instalaciones/importar']) await check(page, path, locale);
		}
	],
	[
		'ajustes',
		async (page, locale) => {
			for (const path of SETTINGS) await check(page, path, locale);
			const zone = await page.locator('main a[href^="/ajustes/zonas/"]').first().getAttribute('href');
			await check(page, zone!, locale);
		}
	]
];

for (const locale of LOCALES) {
	for (const [group, run] of ADMIN_GROUPS) {
		test(`axe: administradora, ${group} (${locale})`, async ({ browser, baseURL }) => {
			const page = await signedIn(browser, baseURL!, ADMIN, locale);
			await run(page, locale);
			await page.context().close();
		});
	}

	for (const [who, user, canCancel] of [
		['coordinación', COORDINATOR, true],
		['agente', AGENT, false]
	] as const) {
		test(`axe: ${who}, el tablero y sus páginas (${locale})`, async ({ browser, baseURL }) => {
			const page = await signedIn(browser, baseURL!, user, locale);
			await checkBoardStates(page, locale, canCancel);
			for (const path of ['/llamadas', '/calendario', '/recordatorios', ...(user === COORDINATOR ? ['/reportes'] : [])])
				await check(page, path, locale);
			await page.context().close();
		});
	}

	test(`axe: las páginas del técnico, en el teléfono (${locale})`, async ({ browser, baseURL }) => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await login(page, TECHNICIAN.email, TECHNICIAN.password, /\/tecnico$/);
		await useLocale(context, baseURL!, locale);
		await check(page, '/tecnico', locale);
		const job = await page.locator('main a[href^="/tecnico/"]').first().getAttribute('href');
		await check(page, job!, locale);
		await boardIsLive(page, locale);
		await expectAccessible(page, 'el tablero del técnico');
		await context.close();
	});

	test(`axe: las páginas públicas, la pantalla y la firma (${locale})`, async ({ browser, baseURL }) => {
		// The links come from the office: a TV display and a signing link for an assigned card.
		const office = await signedIn(browser, baseURL!, ADMIN, 'es');
		await office.goto('/ajustes/pantallas');
		await office.getByLabel('Nombre de la pantalla').fill(`TV accesibilidad ${locale}`);
		await office.getByRole('button', { name: 'Crear enlace' }).click();
		const display = new URL(await office.getByTestId('display-url').inputValue()).pathname;
		await office.goto('/tablero');
		const cardId = await office.locator('section[data-stage="asignada"] [data-card-id]').last().getAttribute('data-card-id');
		await office.goto(`/instalaciones/${cardId}`);
		await office.getByRole('tab', { name: 'Documentos' }).click();
		await office.getByTestId('doc-contrato').getByRole('button', { name: 'Generar link de firma' }).click();
		const signing = new URL(await office.getByTestId('doc-contrato').getByTestId('signing-link').inputValue()).pathname;
		await office.context().close();

		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		await useLocale(context, baseURL!, locale);
		const page = await context.newPage();
		for (const path of ['/login', '/solicitar', signing, '/no-existe-esta-pagina', '/pantalla/token-que-no-existe'])
			await check(page, path, locale);

		await page.goto(display);
		await pageIsReady(page, locale);
		await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
		await expect(page.getByTestId('display-card').first()).toBeVisible();
		await expectAccessible(page, 'la pantalla de la oficina');

		await page.setViewportSize({ width: 390, height: 844 });
		await check(page, signing, locale);
		await context.close();
	});
}
