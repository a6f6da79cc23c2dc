import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';

/** Draws a signature with the mouse, the way a finger would on a phone. */
async function drawSignature(page: Page) {
	const pad = page.getByTestId('signature-pad');
	await pad.scrollIntoViewIfNeeded();
	const box = (await pad.boundingBox())!;
	await page.mouse.move(box.x + 30, box.y + box.height / 2);
	await page.mouse.down();
	for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + box.height / 2 + (i % 2 ? -30 : 30), { steps: 3 });
	await page.mouse.up();
}

test('firma remota desde el teléfono: confirmación, la tarjeta se marca firmada en vivo y el enlace no se reutiliza', async ({
	browser,
	page
}) => {
	await login(page, ADMIN.email, ADMIN.password);
	const cardId = await page.locator('section[data-stage="asignada"] li[data-card-id]').first().getAttribute('data-card-id');
	expect(cardId).toBeTruthy();
	await page.goto(`/instalaciones/${cardId}`);
	// An assigned card opens on its schedule; the documents are one tab away.
	await page.getByRole('tab', { name: 'Documentos' }).click();
	const block = page.getByTestId('doc-contrato');
	await expect(page.getByTestId('doc-contrato-status')).toHaveText('Sin firmar');
	await block.getByRole('button', { name: 'Generar link de firma' }).click();
	const url = await block.getByTestId('signing-link').inputValue();
	expect(url).toMatch(/\/firmar\/[A-Za-z0-9_-]{43}$/);
	await expect(block.getByRole('link', { name: 'Enviar por WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/52\d{10}\?text=/);

	const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'es-MX' });
	const customer = await phone.newPage();
	await customer.goto(url);
	await expect(customer.getByRole('heading', { name: /Documento para/ })).toBeVisible();
	await customer.getByLabel(/Leí el documento/).check();
	await drawSignature(customer);
	await customer.getByRole('button', { name: 'Firmar documento' }).click();
	await expect(customer.getByTestId('signed-ok')).toContainText('documento firmado');
	const confirmedAt = Date.now();

	// The office's open card turns "Firmado" live (board event → socket → Documents section re-fetch).
	await expect(page.getByTestId('doc-contrato-status')).toHaveText('Firmado', { timeout: 1_000 });
	console.log(`firmado visible en la otra ventana ${Date.now() - confirmedAt} ms después de la confirmación`);

	await customer.goto(url);
	await expect(customer.getByTestId('link-state')).toContainText('ya firmado');
	await expect(customer.getByTestId('link-state')).toContainText('ya se usó');
	await phone.close();
});
