import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login, logout } from './fixtures';

const TECHNICIAN = { email: 'tecnico1@demo.invalid', password: 'demo-tecnico-2026' };
const SCREENS = 'test-results/screens';

/** A fresh lead of this test's own, so no other test's card (or the demo's) decides what it shows. */
async function newCard(page: Page, name: string): Promise<string> {
	await page.goto('/instalaciones/nueva');
	await page.getByLabel('Nombre completo').fill(name);
	await page.getByLabel('Teléfono principal').fill(`998${String(Date.now()).slice(-7)}`);
	await page.getByRole('button', { name: 'Crear tarjeta' }).click();
	await expect(page).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}$/);
	return page.url().split('/').pop()!;
}

/** The admin moves the card on with a written reason (the guard's override), as the board allows. */
async function moveTo(page: Page, id: string, toStage: string) {
	const version = (await (await page.request.get(`/api/instalaciones/${id}/tarjeta`)).json()).card.version;
	const res = await page.request.post(`/api/instalaciones/${id}/mover`, {
		data: { toStage, version, overrideReason: 'Prueba del panel por etapa (e2e)' }
	});
	expect(res.ok(), await res.text()).toBe(true);
}

const tabs = (page: Page) => page.getByRole('tablist', { name: 'Secciones de la tarjeta' }).getByRole('tab');
const openPanel = (page: Page) => page.locator('[role="tabpanel"]:visible');

/** Each stage, the tabs it must lead with, and the sections its first tab shows together. */
const STAGES = [
	['preinstalacion', ['Llamada'], ['llamada', 'cobertura', 'plan']],
	['cobertura_confirmada', ['Llamada'], ['llamada', 'cobertura', 'plan']],
	['documentos_pendientes', ['Documentos', 'Cliente'], ['documentos']],
	['agendada', ['Agenda y cobros', 'Conexión', 'Servicios'], ['agenda']],
	['asignada', ['Agenda y cobros', 'Conexión', 'Servicios'], ['agenda']],
	['firmada', ['Documentos', 'Agenda y cobros', 'Historial'], ['documentos']],
	['activa', ['Documentos', 'Agenda y cobros', 'Historial'], ['documentos']]
] as const;

test('el panel de la tarjeta abre en lo que pide cada etapa, y lo que falta lleva a su sección', async ({ page }) => {
	test.setTimeout(180_000);
	await page.setViewportSize({ width: 1440, height: 900 });
	await login(page, ADMIN.email, ADMIN.password);
	const id = await newCard(page, 'Panel Por Etapas Uc');

	for (const [stage, leading, firstSections] of STAGES) {
		if (stage !== 'preinstalacion') await moveTo(page, id, stage);
		await page.goto(`/instalaciones/${id}`);
		await expect(page.getByTestId('card-stage')).toHaveText(new RegExp(stage.slice(0, 5), 'i'));
		const names = (await tabs(page).allTextContents()).map((t) => t.trim());
		expect(names.slice(0, leading.length), stage).toEqual(leading);
		await expect(tabs(page).first()).toHaveAttribute('aria-selected', 'true');
		// Only the first tab's panel is shown, and it holds that stage's sections, in order.
		await expect(openPanel(page)).toHaveCount(1);
		await expect(openPanel(page).locator('section[data-section]')).toHaveCount(firstSections.length);
		expect(
			await openPanel(page)
				.locator('section[data-section]')
				.evaluateAll((s) => s.map((e) => e.getAttribute('data-section')))
		).toEqual(firstSections);
		if (['preinstalacion', 'agendada', 'firmada'].includes(stage)) {
			await page.screenshot({ path: `${SCREENS}/panel-${stage}-1440.png`, fullPage: true });
		}
		if (stage === 'preinstalacion') {
			// In the call's shared tab, a missing item lands on its own section beside the script.
			await page
				.getByTestId('card-missing')
				.getByRole('link', { name: /Falta la zona/ })
				.click();
			await expect(page.locator(`#sec-cobertura-${id}`)).toBeFocused();
			await expect(tabs(page).first()).toHaveAttribute('aria-selected', 'true');
		}
		if (stage === 'agendada') {
			// Missing items sit above the tabs; each links to the section that fixes it.
			await expect(page.locator(`#panel-llamada-${id}`)).toBeHidden();
			const missing = page.getByTestId('card-missing');
			await expect(missing).toContainText('Falta para «Asignada»');
			const ine = missing.getByRole('link', { name: /INE frontal/ });
			await expect(ine).toHaveAttribute('href', `/instalaciones/${id}?seccion=documentos`);
			await ine.click();
			await expect(tabs(page).filter({ hasText: 'Documentos' })).toHaveAttribute('aria-selected', 'true');
			await expect(page.locator(`#panel-documentos-${id}`)).toBeFocused();
			await expect(page).toHaveURL(new RegExp(`/instalaciones/${id}\\?seccion=documentos$`));
			// A reload (or the link shared) opens the same tab.
			await page.reload();
			await expect(tabs(page).filter({ hasText: 'Documentos' })).toHaveAttribute('aria-selected', 'true');
			await expect(openPanel(page).locator('section[data-section]')).toHaveAttribute('data-section', 'documentos');
			const ip = page.getByTestId('card-missing').getByRole('link', { name: /Falta la IP/ });
			await ip.click();
			await expect(tabs(page).filter({ hasText: 'Conexión' })).toHaveAttribute('aria-selected', 'true');
			await expect(page.getByTestId('connection-section')).toBeVisible();
		}
	}
	// The installation date has one place: the schedule, not the customer's data (the checklist only ticks it).
	await page.goto(`/instalaciones/${id}?seccion=cliente`);
	await expect(openPanel(page).locator('section[data-section]')).toHaveAttribute('data-section', 'cliente');
	const dateInputs = page.getByLabel(/Fecha de instalación/).and(page.locator('input[type="date"]'));
	await expect(dateInputs).toHaveCount(1);
	await expect(
		page
			.locator(`#panel-agenda-${id}`)
			.getByLabel(/Fecha de instalación/)
			.and(page.locator('input[type="date"]'))
	).toHaveCount(1);
});

test('las pestañas del panel se recorren con el teclado', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	const id = await newCard(page, 'Teclado Panel Chi');
	const all = tabs(page);
	const count = await all.count();
	await all.first().focus();
	await page.keyboard.press('ArrowRight');
	await expect(all.nth(1)).toBeFocused();
	await expect(all.nth(1)).toHaveAttribute('aria-selected', 'true');
	await expect(page.locator(`#${await all.nth(1).getAttribute('aria-controls')}`)).toBeVisible();
	await expect(all.first()).toHaveAttribute('tabindex', '-1');
	await page.keyboard.press('End');
	await expect(all.nth(count - 1)).toBeFocused();
	// An admin's last tab is the customer's personal data (ARCO); everyone else's, the history.
	await expect(all.nth(count - 1)).toHaveText('Datos personales (ARCO)');
	await page.keyboard.press('ArrowRight');
	await expect(all.first()).toBeFocused();
	await expect(all.first()).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('ArrowLeft');
	await expect(all.nth(count - 1)).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('Home');
	await expect(all.first()).toHaveAttribute('aria-selected', 'true');
	// Tab leaves the list for the open panel.
	await page.keyboard.press('Tab');
	await expect(page.locator(`#panel-llamada-${id}`)).toBeFocused();
	await expect(page).toHaveURL(new RegExp(`seccion=llamada$`));
});

for (const [label, size] of [
	['escritorio', { width: 1440, height: 900 }],
	['teléfono', { width: 390, height: 844 }]
] as const) {
	test(`en el tablero (${label}), «Cerrar» se ve y responde después de desplazar la tarjeta`, async ({ page }) => {
		await page.setViewportSize(size);
		await login(page, ADMIN.email, ADMIN.password);
		const card = page.locator('section[data-stage="agendada"] [data-card-id] a').first();
		await card.click();
		const drawer = page.locator('dialog.drawer');
		await expect(drawer.getByTestId('card-stage')).toHaveText('Agendada');
		await expect(drawer.getByRole('tab', { selected: true })).toHaveText('Agenda y cobros');
		// Scroll the card down its longest tab, the call script.
		await drawer.getByRole('tab', { name: 'Llamada' }).click();
		await expect(drawer.locator('input[data-step]').first()).toBeVisible();
		const scroller = drawer.getByTestId('drawer-scroll');
		await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
		await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
		if (size.width === 390) await page.screenshot({ path: `${SCREENS}/panel-drawer-scrolled-390.png` });
		const close = drawer.getByRole('button', { name: /Cerrar/ });
		await expect(close).toBeInViewport();
		// Nothing covers it: the topmost element at its centre is the button itself.
		const box = (await close.boundingBox())!;
		const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent?.trim() ?? '', {
			x: box.x + box.width / 2,
			y: box.y + box.height / 2
		});
		expect(hit).toMatch(/^Cerrar/);
		await close.click();
		await expect(drawer).toBeHidden();
		await expect(page).toHaveURL(/\/tablero/);
	});
}

test('en el teléfono, la tarjeta abre en su etapa con las pestañas a la mano', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await login(page, ADMIN.email, ADMIN.password);
	for (const stage of ['preinstalacion', 'agendada', 'firmada']) {
		await page.goto('/tablero');
		const card = page.locator(`section[data-stage="${stage}"] [data-card-id] a`).first();
		await page.goto((await card.getAttribute('href'))!);
		await expect(tabs(page).first()).toHaveAttribute('aria-selected', 'true');
		await expect(openPanel(page)).toBeVisible();
		// The tab list scrolls sideways inside itself; the page never gets wider than the screen.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.screenshot({ path: `${SCREENS}/panel-${stage}-390.png`, fullPage: true });
	}
});

test('un técnico que entra llega a «Mis trabajos»; un «next» de la app sigue mandando', async ({ page }) => {
	await login(page, TECHNICIAN.email, TECHNICIAN.password, /\/tecnico$/);
	await expect(page.getByRole('heading', { name: 'Mis trabajos' })).toBeVisible();
	// Opening the app's root goes to the same place.
	await page.goto('/');
	await expect(page).toHaveURL(/\/tecnico$/);
	await logout(page);

	await page.goto('/login?next=%2Ftablero');
	await page.getByLabel('Correo electrónico').fill(TECHNICIAN.email);
	await page.getByLabel('Contraseña').fill(TECHNICIAN.password);
	await page.getByRole('button', { name: 'Entrar' }).click();
	await expect(page).toHaveURL(/\/tablero$/);
	await logout(page);

	// The office still starts on the board.
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/');
	await expect(page).toHaveURL(/\/tablero$/);
});

test('sin JavaScript (o antes de que cargue), una pestaña es un enlace que abre su sección', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await login(page, ADMIN.email, ADMIN.password);
	const href = await page.locator('section[data-stage="asignada"] [data-card-id] a').first().getAttribute('href');
	await page.goto(href!);
	await expect(page.getByRole('tab', { selected: true })).toHaveText('Agenda y cobros');
	await page.getByRole('tab', { name: 'Documentos' }).click();
	await expect(page).toHaveURL(/\?seccion=documentos$/);
	await expect(page.getByRole('tab', { selected: true })).toHaveText('Documentos');
	await expect(openPanel(page).locator('section[data-section]')).toHaveAttribute('data-section', 'documentos');
	await context.close();
});
