import { test, expect, type Browser } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { login } from './fixtures';

const PASSWORD = 'demo-tecnico-2026';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'es-MX', timezoneId: 'America/Cancun' };
const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'es-MX', timezoneId: 'America/Cancun' };

async function signedIn(browser: Browser, options: typeof PHONE | typeof DESKTOP, email: string, lands = /\/tablero/) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await login(page, email, PASSWORD, lands);
	return { context, page };
}

test('el técnico registra un pago en su teléfono y la tarjeta de la oficina lo muestra en vivo, con su recibo', async ({ browser }) => {
	test.setTimeout(180_000);
	// A technician lands on «Mis trabajos».
	const tech = await signedIn(browser, PHONE, 'tecnico1@demo.invalid', /\/tecnico$/);
	await tech.page.goto('/tecnico');
	await tech.page
		.getByTestId('tech-job')
		.filter({ hasNot: tech.page.locator('.done') })
		.first()
		.click();
	await expect(tech.page).toHaveURL(/\/tecnico\/[0-9a-f-]{36}$/);
	const cardId = tech.page.url().split('/').pop()!;
	const section = tech.page.getByTestId('payment-section');
	await expect(section.getByTestId('amount-to-collect')).toBeVisible();
	await expect(section.getByTestId('amount-to-collect')).toContainText('Instalación');
	await expect(section.getByTestId('amount-to-collect')).toContainText('Total');
	const pendingBefore = await section.getByTestId('pending').textContent();

	// The office has the same card open on a desktop, and the board in another tab.
	const office = await signedIn(browser, DESKTOP, 'coordinador@demo.invalid');
	const board = await office.context.newPage();
	await board.goto('/tablero');
	const boardCard = board.locator(`[data-card-id="${cardId}"]`);
	await expect(boardCard).toBeVisible();
	// Its payments are in «Agenda y cobros», a tab away from the signed card's documents.
	await office.page.goto(`/instalaciones/${cardId}?seccion=agenda`);
	const officeSection = office.page.getByTestId('payment-section');
	await expect(officeSection.getByTestId('paid')).toHaveText('$0.00');

	await section.getByTestId('amount-to-collect').scrollIntoViewIfNeeded();
	await tech.page.screenshot({ path: 'test-results/screens/pago-tecnico-monto-390x844.png', fullPage: false });

	// Bad input is refused in Spanish: a transfer without its reference.
	await section.getByLabel('Monto recibido (pesos)').fill('500');
	await section.getByLabel('Transferencia').check();
	await section.getByRole('button', { name: 'Registrar pago' }).click();
	await expect(section.getByRole('alert')).toContainText('Escribe la referencia del pago');

	// A partial cash payment.
	await section.getByLabel('Efectivo').check();
	await section.getByLabel('Monto recibido (pesos)').fill('500');
	await tech.page.screenshot({ path: 'test-results/screens/pago-tecnico-formulario-390x844.png', fullPage: false });
	await section.getByRole('button', { name: 'Registrar pago' }).click();
	await expect(section.getByRole('status')).toContainText('Pago registrado');
	await expect(section.getByTestId('paid')).toHaveText('$500.00');
	await expect(section.getByTestId('payment')).toHaveCount(1);
	await expect(section.getByTestId('payment-state')).toHaveText('Pago parcial');
	await tech.page.screenshot({ path: 'test-results/screens/pago-tecnico-registrado-390x844.png', fullPage: true });

	// The office's card and the board follow without a reload.
	await expect(officeSection.getByTestId('paid')).toHaveText('$500.00', { timeout: 20_000 });
	await expect(officeSection.getByTestId('payment')).toContainText('Recibió Pedro');
	expect(await officeSection.getByTestId('pending').textContent()).not.toBe(pendingBefore);
	await expect(boardCard.locator('[data-payment]')).toHaveAttribute('data-payment', 'parcial', { timeout: 20_000 });
	await officeSection.screenshot({ path: 'test-results/screens/pago-oficina-1440.png' });

	// The receipt downloads as a PDF.
	const download = tech.page.waitForEvent('download');
	await section.getByRole('link', { name: 'Recibo PDF' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^recibo-\d+-1\.pdf$/);
	const path = await file.path();
	const bytes = readFileSync(path);
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	mkdirSync('test-results/screens', { recursive: true });
	writeFileSync('test-results/screens/recibo.pdf', bytes);

	// The office voids it with a reason; the technician's phone shows it voided.
	await officeSection.getByRole('button', { name: 'Anular' }).click();
	await officeSection.getByLabel('Motivo de la anulación').fill('Monto capturado mal');
	await officeSection.getByRole('button', { name: 'Anular pago' }).click();
	await expect(officeSection.getByTestId('paid')).toHaveText('$0.00');
	await expect(section.getByTestId('payment')).toContainText('Monto capturado mal', { timeout: 20_000 });
	await expect(boardCard.locator('[data-payment]')).toHaveAttribute('data-payment', 'pendiente', { timeout: 20_000 });

	await tech.context.close();
	await office.context.close();
});
