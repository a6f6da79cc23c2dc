import { test, expect, type Browser } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { ADMIN, login } from './fixtures';

// Issue 20: calls on the card and the cadence rules in Ajustes.
const AGENT = { email: 'agente@demo.invalid', password: 'demo-tecnico-2026' };
const SCREENS = 'test-results/screens';

async function signedIn(browser: Browser, email: string, password: string, viewport = { width: 1440, height: 900 }) {
	const context = await browser.newContext({ viewport, locale: 'es-MX', timezoneId: 'America/Cancun' });
	const page = await context.newPage();
	await login(page, email, password);
	return { context, page };
}

test('el agente registra «no contestó» desde la tarjeta con «mañana por la mañana» y el tablero lo muestra en vivo; y desde el menú de la tarjeta del tablero', async ({
	browser
}) => {
	test.setTimeout(180_000);
	mkdirSync(SCREENS, { recursive: true });
	const agent = await signedIn(browser, AGENT.email, AGENT.password);
	const board = await agent.context.newPage();
	await board.goto('/tablero');
	const leads = board.locator('[data-stage="preinstalacion"] article.card');
	await expect(leads.first()).toBeVisible();
	const ids = await board
		.locator('[data-stage="preinstalacion"] [data-card-id]')
		// Leads nobody has called yet (another test may have called some).
		.evaluateAll((els) =>
			els.filter((e) => !e.querySelector('[data-testid="card-follow-up"]')).map((e) => e.getAttribute('data-card-id')!)
		);
	expect(ids.length).toBeGreaterThan(1);
	const [first, second] = ids;
	const boardCard = board.locator(`[data-card-id="${first}"]`);
	await expect(boardCard.getByTestId('card-follow-up')).toHaveCount(0);

	// On the card: no calls yet; «Registrar llamada» opens the form.
	const page = agent.page;
	await page.goto(`/instalaciones/${first}`);
	const followUp = page.getByTestId('follow-up');
	await expect(followUp.getByTestId('follow-up-summary')).toContainText('Sin llamadas registradas');
	await followUp.getByRole('button', { name: 'Registrar llamada' }).click();
	const form = followUp.getByTestId('call-recorder');

	// Saving without an outcome is refused in Spanish.
	await form.getByRole('button', { name: 'Guardar llamada' }).click();
	await expect(form.getByRole('alert')).toHaveText('Elige cómo fue la llamada.');

	await form.getByLabel('No contestó').check();
	// The outcome's default comes from the cadence rules; the agent picks tomorrow morning instead.
	await expect(form.getByLabel('Sugerida:')).toBeChecked();
	await form.getByLabel('Mañana por la mañana').check();
	await form.getByLabel('Nota (opcional)').fill('Timbró y no contestó');
	await page.screenshot({ path: `${SCREENS}/llamada-tarjeta-formulario-1440.png` });
	await form.getByRole('button', { name: 'Guardar llamada' }).click();

	const summary = followUp.getByTestId('follow-up-summary');
	await expect(summary).toContainText('1 intento');
	await expect(summary).toContainText(/último hace \d+ min/);
	// Office hours open at 09:00 by default: tomorrow morning (or Monday's, after a Saturday) at 09:00.
	await expect(summary).toContainText(/volver a llamar .*09:00/);
	await expect(followUp.getByTestId('call-recorder')).toHaveCount(0);
	await followUp.getByText(/Llamadas anteriores/).click();
	await expect(followUp.getByText('Timbró y no contestó')).toBeVisible();
	await page.screenshot({ path: `${SCREENS}/llamada-tarjeta-resumen-1440.png` });

	// The history has the call.
	await page.goto(`/instalaciones/${first}?seccion=historial`);
	const history = page.locator('[data-section="historial"]');
	await expect(history.getByText('No contestó', { exact: true })).toBeVisible();
	await expect(history.getByText('Timbró y no contestó')).toBeVisible();

	// The board card shows it live, compactly.
	const badge = boardCard.getByTestId('card-follow-up');
	await expect(badge).toContainText('1');
	await expect(badge).toContainText('09:00');
	await expect(badge).toHaveAttribute('title', /1 intento · último hace .* · volver a llamar .*09:00/);

	// From the board card's menu: «Buzón» with its suggested callback.
	const other = board.locator(`[data-card-id="${second}"]`);
	await other.getByRole('button', { name: /Mover/ }).click();
	await board.getByRole('menuitem', { name: /Registrar llamada/ }).click();
	const dialog = board.getByTestId('call-dialog');
	await expect(dialog).toBeVisible();
	await dialog.getByLabel('Buzón').check();
	await expect(dialog.getByLabel('Sugerida:')).toBeChecked();
	await board.screenshot({ path: `${SCREENS}/llamada-menu-tablero-1440.png` });
	await dialog.getByRole('button', { name: 'Guardar llamada' }).click();
	await expect(dialog).toHaveCount(0);
	await expect(other.getByTestId('card-follow-up')).toHaveAttribute('title', /^1 intento · último hace \d+ min · volver a llamar /);
	await board.screenshot({ path: `${SCREENS}/llamada-tablero-1440.png` });

	// On a phone, the card's follow-up fits.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/instalaciones/${first}`);
	await expect(page.getByTestId('follow-up-summary')).toContainText('1 intento');
	await page.getByTestId('follow-up').getByRole('button', { name: 'Registrar llamada' }).click();
	await page.getByTestId('call-recorder').getByLabel('Contestó', { exact: true }).check();
	await page.screenshot({ path: `${SCREENS}/llamada-tarjeta-390.png` });
	await agent.context.close();
});

test('Ajustes → Seguimiento guarda las reglas y explica en español un valor mal escrito', async ({ page }) => {
	test.setTimeout(120_000);
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes');
	await page.getByRole('navigation', { name: 'Secciones de ajustes' }).getByRole('link', { name: 'Seguimiento' }).click();
	await expect(page).toHaveURL(/\/ajustes\/seguimiento$/);
	const form = page.getByTestId('follow-up-settings');
	await expect(form.getByLabel('No contestó')).toHaveValue('120');

	await form.getByLabel('Después de estos intentos sin respuesta').fill('3');
	await form.getByLabel('No contestó').fill('90');
	await form.getByLabel('Domingo').check();
	await form.getByRole('button', { name: 'Guardar' }).click();
	await expect(form.getByRole('status')).toHaveText('Ajustes guardados.');
	await page.reload();
	await expect(form.getByLabel('Después de estos intentos sin respuesta')).toHaveValue('3');
	await expect(form.getByLabel('No contestó')).toHaveValue('90');
	await expect(form.getByLabel('Domingo')).toBeChecked();

	// A bad value: nothing is saved and the field says why, in Spanish.
	await form.getByLabel('Después de estos intentos sin respuesta').fill('tres');
	await form.getByLabel('Cierra').fill('08:00');
	await form.getByRole('button', { name: 'Guardar' }).click();
	await expect(form.locator('#giveUpAttempts-error')).toHaveText('Escribe el número de intentos.');
	await expect(form.locator('[id="officeHours.end-error"]')).toHaveText('La hora de cierre debe ser después de la de apertura.');
	await expect(form.getByLabel('Después de estos intentos sin respuesta')).toHaveAttribute('aria-invalid', 'true');
	await page.screenshot({ path: `${SCREENS}/ajustes-seguimiento-1440.png`, fullPage: true });
	await page.reload();
	await expect(form.getByLabel('Después de estos intentos sin respuesta')).toHaveValue('3');
});
