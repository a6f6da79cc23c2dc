// Issue 18, item 1: cancel by drop and by the keyboard's «Mover a…» menu with each reason, the
// refund checklist of a signed customer, and reopening (from the menu and from the card's panel).
import { test, expect, type Locator, type Page } from '@playwright/test';
import { ADMIN, login, dragReady } from './fixtures';

const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };
const REASONS = ['Sin cobertura', 'Declinó', 'No localizable', 'Duplicado', 'Otro'];
const SHOTS = process.env.CANCEL_SHOTS;
// Each journey creates leads and reloads the board several times: a busy machine needs more than the default minute.
test.describe.configure({ timeout: 180_000 });

// Wide enough for all eight columns: a drag from «Preinstalación» to «Cancelada» stays on screen.
test.use({ viewport: { width: 2200, height: 900 } });

const column = (page: Page, stage: string) => page.locator(`section[data-stage="${stage}"]`);
const cardIn = (scope: Page | Locator, name: string) => scope.locator('[data-card-id]', { hasText: name });
const notices = (page: Page) => page.getByRole('region', { name: 'Avisos del tablero' });

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

/** A new lead through the staff form (its own phone, so nothing else on the board matches it). */
async function newLead(page: Page, name: string, phone: string) {
	const res = await page.request.post('/instalaciones/nueva', {
		form: { fullName: name, phone, email: '', source: 'ventas', then: 'tablero' },
		headers: { origin: new URL(page.url()).origin },
		maxRedirects: 0
	});
	// SvelteKit answers a form action posted without a browser's Accept header as JSON.
	const body = await res.text();
	expect(res.status() === 303 || (res.status() === 200 && body.includes('"type":"redirect"')), body).toBe(true);
}

/** The board narrowed to one name, live, with «Cancelada» shown. */
async function boardFor(page: Page, name: string) {
	await page.goto(`/tablero?q=${encodeURIComponent(name)}`);
	await expect(page.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible();
	await showCancelled(page);
}

/** «Cancelada» starts folded, unless this person unfolded it before (the board remembers). */
async function showCancelled(page: Page) {
	const show = page.getByRole('button', { name: 'Ver canceladas' });
	await expect(column(page, 'cancelada').or(show)).toBeVisible();
	if (await show.isVisible()) await show.click();
	await expect(column(page, 'cancelada')).toBeVisible();
}

test('cancelar arrastrando a «Cancelada» con cada motivo; Escape la regresa; otro navegador lo ve en vivo', async ({ browser, page }) => {
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const other = await (await browser.newContext()).newPage();
	await login(other, ADMIN.email, ADMIN.password);

	// Escape keeps the card where it was and sends nothing.
	await newLead(page, 'Cancelación Arrastre Cero', '9987100100');
	await boardFor(page, 'Cancelación Arrastre Cero');
	await drag(page, cardIn(column(page, 'preinstalacion'), 'Cancelación Arrastre Cero'), column(page, 'cancelada').locator('ul'));
	const dialog = page.getByRole('dialog', { name: 'Cancelar a Cancelación Arrastre Cero' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('radio', { name: 'Sin cobertura' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(cardIn(column(page, 'preinstalacion'), 'Cancelación Arrastre Cero')).toBeVisible();
	await page.reload();
	await expect(cardIn(column(page, 'preinstalacion'), 'Cancelación Arrastre Cero')).toBeVisible();

	for (const [i, reason] of REASONS.entries()) {
		const name = `Cancelación Arrastre ${i + 1}`;
		await newLead(page, name, `99871001${10 + i}`);
		await boardFor(page, name);
		if (i === 0) await boardFor(other, name);
		await drag(page, cardIn(column(page, 'preinstalacion'), name), column(page, 'cancelada').locator('ul'));
		const d = page.getByRole('dialog', { name: `Cancelar a ${name}` });
		await expect(d).toBeVisible();
		// Nothing chosen: the dialog says so in Spanish and keeps the card waiting.
		await d.getByRole('button', { name: 'Cancelar instalación' }).click();
		await expect(d.getByRole('alert')).toHaveText('Elige un motivo de cancelación.');
		await d.getByRole('radio', { name: reason }).check();
		if (reason === 'Otro') {
			await d.getByRole('button', { name: 'Cancelar instalación' }).click();
			await expect(d.getByRole('alert')).toHaveText('Escribe el motivo de la cancelación: elegiste «Otro».');
			await d.getByLabel('Escribe el motivo («Otro», obligatorio)').fill('Se muda a Mérida');
		} else await d.getByLabel('Nota (opcional)').fill(`Nota ${i + 1}`);
		if (SHOTS && i === 4) await d.screenshot({ path: `${SHOTS}/cancel-dialog-otro.png` });
		await d.getByRole('button', { name: 'Cancelar instalación' }).click();
		await expect(d).toBeHidden();
		const cancelled = cardIn(column(page, 'cancelada'), name);
		await expect(cancelled).toContainText(`Motivo: ${reason}: ${reason === 'Otro' ? 'Se muda a Mérida' : `Nota ${i + 1}`}`);
		if (i === 0) await expect(cardIn(column(other, 'cancelada'), name)).toContainText('Motivo: Sin cobertura');
		await page.reload();
		await showCancelled(page);
		await expect(cardIn(column(page, 'cancelada'), name)).toContainText(`Motivo: ${reason}`);
	}
	await other.context().close();
});

test('cancelar con el menú «Mover a…» y solo el teclado, con cada motivo', async ({ page }) => {
	await login(page, COORDINATOR.email, COORDINATOR.password);
	for (const [i, reason] of REASONS.entries()) {
		const name = `Cancelación Teclado ${i + 1}`;
		await newLead(page, name, `99871002${10 + i}`);
		await boardFor(page, name);
		await cardIn(column(page, 'preinstalacion'), name).focus();
		await page.keyboard.press('Tab'); // the card's link
		await page.keyboard.press('Tab'); // its «Mover a…» button
		await expect(page.getByRole('button', { name: `Mover a… «${name}»` })).toBeFocused();
		await page.keyboard.press('Enter');
		await page.keyboard.press('End'); // «Registrar llamada», after the moves
		await page.keyboard.press('ArrowUp');
		await expect(page.getByRole('menuitem', { name: /Cancelada/ })).toBeFocused();
		await expect(page.getByRole('menuitem', { name: /Cancelada/ })).toContainText('Pide el motivo');
		await page.keyboard.press('Enter');
		const d = page.getByRole('dialog', { name: `Cancelar a ${name}` });
		await expect(d).toBeVisible();
		await expect(d.getByRole('radio', { name: REASONS[0] })).toBeFocused();
		if (i === 0) await page.keyboard.press('Space');
		for (let k = 0; k < i; k++) await page.keyboard.press('ArrowDown');
		await expect(d.getByRole('radio', { name: reason })).toBeChecked();
		await page.keyboard.press('Tab');
		await expect(d.getByRole('textbox')).toBeFocused();
		await page.keyboard.type(reason === 'Otro' ? 'Pidió que no le llamen' : `Por teclado ${i + 1}`);
		await page.keyboard.press('Tab'); // «Volver»
		await page.keyboard.press('Tab'); // «Cancelar instalación»
		await expect(d.getByRole('button', { name: 'Cancelar instalación' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(d).toBeHidden();
		await expect(cardIn(column(page, 'cancelada'), name)).toContainText(`Motivo: ${reason}`);
		// The keyboard stays on the card, now in «Cancelada».
		await expect(page.getByRole('button', { name: `Mover a… «${name}»` })).toBeFocused();
	}
});

test('cancelar a un cliente firmado guarda la lista de devolución del depósito', async ({ page }) => {
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const name = 'Óscar Iván Herrera Couoh';
	await boardFor(page, name);
	await page.getByRole('button', { name: `Mover a… «${name}»` }).click();
	await page.getByRole('menuitem', { name: /Cancelada/ }).click();
	const d = page.getByRole('dialog', { name: `Cancelar a ${name}` });
	const refund = d.getByRole('group', { name: 'Devolución del depósito' });
	await expect(refund.getByRole('checkbox')).toHaveCount(4);
	await expect(refund).toContainText('Aún no se puede devolver el depósito: faltan puntos por marcar (4).');
	await d.getByRole('radio', { name: 'Declinó' }).check();
	await refund.getByRole('checkbox', { name: 'Última factura pagada' }).check();
	await refund.getByRole('checkbox', { name: 'Módem y eliminador (adaptador de corriente) devueltos' }).check();
	await expect(refund).toContainText('faltan puntos por marcar (2)');
	if (SHOTS) {
		await page.setViewportSize({ width: 1440, height: 900 });
		await d.screenshot({ path: `${SHOTS}/cancel-dialog-desktop.png` });
		await page.screenshot({ path: `${SHOTS}/cancel-dialog-board.png` });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: `${SHOTS}/cancel-dialog-phone.png` });
		await page.setViewportSize({ width: 1440, height: 900 });
	}
	await d.getByRole('button', { name: 'Cancelar instalación' }).click();
	await expect(cardIn(column(page, 'cancelada'), name)).toContainText('Motivo: Declinó');

	await cardIn(column(page, 'cancelada'), name)
		.getByRole('link', { name: `Abrir la tarjeta de ${name}` })
		.click();
	const panel = page.getByRole('dialog', { name: 'Detalle de la instalación' });
	const info = panel.getByRole('region', { name: 'Cancelación' });
	await expect(info).toContainText('Declinó');
	await expect(info.getByRole('listitem')).toHaveText([
		/Última factura pagada: Sí/,
		/Penalización pagada \(contrato a 12 meses\): No/,
		/Módem y eliminador \(adaptador de corriente\) devueltos: Sí/,
		/Servicio de depósito adjuntado en el sistema: No/
	]);
	if (SHOTS) await panel.screenshot({ path: `${SHOTS}/cancel-panel.png` });
});

test('reabrir una tarjeta cancelada: desde el menú y desde su panel, a la etapa de la que salió', async ({ page }) => {
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const name = 'Reapertura Menú';
	await newLead(page, name, '9987100301');
	await boardFor(page, name);
	await page.getByRole('button', { name: `Mover a… «${name}»` }).click();
	await page.getByRole('menuitem', { name: /Cancelada/ }).click();
	let d = page.getByRole('dialog', { name: `Cancelar a ${name}` });
	await d.getByRole('radio', { name: 'No localizable' }).check();
	await d.getByRole('button', { name: 'Cancelar instalación' }).click();
	await expect(cardIn(column(page, 'cancelada'), name)).toBeVisible();

	// The menu of a cancelled card offers «Reabrir…» only.
	await page.getByRole('button', { name: `Mover a… «${name}»` }).click();
	await expect(page.getByRole('menuitem')).toHaveCount(1);
	await page.getByRole('menuitem', { name: /Reabrir/ }).click();
	d = page.getByRole('dialog', { name: `Reabrir a ${name}` });
	await expect(d).toContainText('Vuelve a «Preinstalación», la etapa de la que salió.');
	await d.getByLabel('¿Por qué se reabre?').fill('ya');
	await d.getByRole('button', { name: 'Reabrir' }).click();
	await expect(d.getByRole('alert')).toHaveText('Escribe por qué se reabre la tarjeta (al menos 5 letras).');
	if (SHOTS) await d.screenshot({ path: `${SHOTS}/reopen-dialog.png` });
	await d.getByLabel('¿Por qué se reabre?').fill('Contestó por fin: sí quiere el servicio');
	await d.getByRole('button', { name: 'Reabrir' }).click();
	await expect(d).toBeHidden();
	await expect(notices(page)).toContainText('Se reabrió en «Preinstalación».');
	await expect(cardIn(column(page, 'preinstalacion'), name)).toBeVisible();
	await expect(cardIn(column(page, 'cancelada'), name)).toHaveCount(0);

	// A drop of a cancelled card on another column asks to reopen too; Escape leaves it cancelled.
	const second = 'Reapertura Panel';
	await newLead(page, second, '9987100302');
	await boardFor(page, second);
	await page.getByRole('button', { name: `Mover a… «${second}»` }).click();
	await page.getByRole('menuitem', { name: /Cancelada/ }).click();
	d = page.getByRole('dialog', { name: `Cancelar a ${second}` });
	await d.getByRole('radio', { name: 'Declinó' }).check();
	await d.getByRole('button', { name: 'Cancelar instalación' }).click();
	await drag(page, cardIn(column(page, 'cancelada'), second), column(page, 'agendada').locator('ul'));
	d = page.getByRole('dialog', { name: `Reabrir a ${second}` });
	await expect(d).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(d).toBeHidden();
	await expect(cardIn(column(page, 'cancelada'), second)).toBeVisible();
	await expect(cardIn(column(page, 'agendada'), second)).toHaveCount(0);

	await boardFor(page, second);
	await cardIn(column(page, 'cancelada'), second)
		.getByRole('link', { name: `Abrir la tarjeta de ${second}` })
		.click();
	const panel = page.getByRole('dialog', { name: 'Detalle de la instalación' });
	await panel.getByRole('button', { name: 'Reabrir…' }).click();
	d = page.getByRole('dialog', { name: `Reabrir a ${second}` });
	await d.getByLabel('¿Por qué se reabre?').fill('Llamó de nuevo, lo pensó mejor');
	await d.getByRole('button', { name: 'Reabrir' }).click();
	await expect(panel.getByRole('status').filter({ hasText: 'Se reabrió en «Preinstalación».' })).toBeVisible();
	await expect(panel.getByTestId('card-stage')).toHaveText('Preinstalación');
	await page.keyboard.press('Escape');
	await expect(cardIn(column(page, 'preinstalacion'), second)).toBeVisible();
});

test('la administradora edita los motivos en Ajustes y el diálogo los ofrece en ese orden', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes/cancelacion');
	const form = page.locator('form');
	await form.getByLabel('Nombre del motivo 2').fill('No le interesó');
	await form.getByRole('button', { name: 'Agregar motivo' }).click();
	await expect(form.getByLabel('Nombre del motivo 6')).toBeFocused();
	await page.keyboard.type('Se mudó de ciudad');
	await form.getByRole('button', { name: 'Subir «Se mudó de ciudad»' }).click();
	await expect(form.getByLabel('Nombre del motivo 5')).toHaveValue('Se mudó de ciudad');
	if (SHOTS) {
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.screenshot({ path: `${SHOTS}/settings-desktop.png`, fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: `${SHOTS}/settings-phone.png`, fullPage: true });
	}
	await form.getByRole('button', { name: 'Guardar' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Ajustes guardados.' })).toBeVisible();
	await page.reload();
	await expect(form.getByLabel('Nombre del motivo 5')).toHaveValue('Se mudó de ciudad');

	const name = 'Cancelación Ajustes';
	await newLead(page, name, '9987100401');
	await boardFor(page, name);
	await page.getByRole('button', { name: `Mover a… «${name}»` }).click();
	await page.getByRole('menuitem', { name: /Cancelada/ }).click();
	const d = page.getByRole('dialog', { name: `Cancelar a ${name}` });
	await expect(d.getByRole('radio')).toHaveCount(6);
	await expect(d.getByRole('radio').nth(1)).toHaveAccessibleName('No le interesó');
	await expect(d.getByRole('radio').nth(4)).toHaveAccessibleName('Se mudó de ciudad');
	await d.getByRole('radio', { name: 'Se mudó de ciudad' }).check();
	await d.getByRole('button', { name: 'Cancelar instalación' }).click();
	await expect(cardIn(column(page, 'cancelada'), name)).toContainText('Motivo: Se mudó de ciudad');

	// Back to the defaults for the other journeys.
	await page.goto('/ajustes/cancelacion');
	await form.getByLabel('Nombre del motivo 2').fill('Declinó');
	await form.getByRole('button', { name: 'Quitar «Se mudó de ciudad»' }).click();
	await form.getByRole('button', { name: 'Guardar' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Ajustes guardados.' })).toBeVisible();
	await expect(form.getByRole('textbox')).toHaveCount(5);
});
