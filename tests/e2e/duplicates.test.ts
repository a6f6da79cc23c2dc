import { test, expect, type Page } from '@playwright/test';
import { login } from './fixtures';

const AGENT = { email: 'agente@demo.invalid', password: 'demo-tecnico-2026' };
// A Mérida number: the demo's customers all have Cancún (998) numbers.
const PHONE = '999 444 1122';

const banner = (page: Page) => page.getByTestId('duplicate-banner');
const folioOf = async (page: Page) =>
	Number(
		(await page
			.getByText(/^Folio \d+$/)
			.first()
			.textContent())!.replace(/\D/g, '')
	);
const boardCard = (page: Page, id: string) => page.locator(`[data-card-id="${id}"]`).first();

test('un cliente que ya tenía tarjeta pide la instalación por la página pública: ambas tarjetas lo avisan y se fusionan', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	await login(page, AGENT.email, AGENT.password);

	// The office registers the customer from a phone call.
	await page.goto('/instalaciones/nueva');
	await page.getByLabel('Nombre completo').fill('Fernanda Ruiz Canché');
	await page.getByLabel('Teléfono principal').fill(PHONE);
	await page.getByRole('button', { name: 'Crear tarjeta' }).click();
	await expect(page).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}$/);
	const olderUrl = page.url();
	const olderId = olderUrl.split('/').pop()!;
	const olderFolio = await folioOf(page);
	await expect(banner(page)).toHaveCount(0);

	// Days later she fills the public form with the same phone: the public sees the usual thanks, nothing more.
	const publicCtx = await browser.newContext();
	const pub = await publicCtx.newPage();
	await pub.goto('/solicitar');
	await pub.getByLabel('Nombre completo').fill('fer ruiz');
	await pub.getByLabel('Teléfono (10 dígitos)').fill('9994441122');
	await pub.getByLabel('Correo electrónico (opcional)').fill('fer.ruiz@example.com');
	await pub.getByRole('button', { name: 'Enviar solicitud' }).click();
	await expect(pub.getByRole('status')).toHaveText('¡Gracias! Recibimos tu solicitud y te llamaremos pronto.');
	await expect(pub.locator('body')).not.toContainText(/duplicad/i);
	await publicCtx.close();

	// The office sees the flag on the older card, with a link to the newer one…
	await page.goto(olderUrl);
	await expect(banner(page)).toContainText(/Posible duplicado de #\d+/);
	await expect(banner(page)).toContainText('mismo teléfono · Fer Ruiz · Preinstalación');
	const newerLink = banner(page).getByRole('link', { name: /Ver tarjeta #\d+/ });
	const newerFolio = Number((await newerLink.textContent())!.replace(/\D/g, ''));
	expect(newerFolio).toBeGreaterThan(olderFolio);
	await newerLink.click();
	// The older card's address has the same shape: wait until the page has left it.
	await expect(page).not.toHaveURL(olderUrl);
	await expect(page).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}$/);
	const newerUrl = page.url();
	const newerId = newerUrl.split('/').pop()!;
	// …and on the newer one.
	await expect(banner(page)).toContainText(`Posible duplicado de #${olderFolio}`);

	// The board shows the badge on both cards (narrowed to this phone: earlier tests fill the columns).
	await page.goto(`/tablero?q=${encodeURIComponent(PHONE.replace(/\s/g, ''))}`);
	for (const [id, other] of [
		[olderId, newerFolio],
		[newerId, olderFolio]
	] as const) {
		await expect(boardCard(page, id).locator('[data-duplicate]')).toHaveAttribute('title', `Posible duplicado de #${other}`);
		await expect(boardCard(page, id).locator('[data-duplicate]')).toHaveText(`¿Duplicado de #${other}?`);
	}

	// Merge from the newer card: it says what will happen, then does it.
	await page.goto(newerUrl);
	await banner(page).getByRole('button', { name: 'Fusionar' }).click();
	await expect(banner(page)).toContainText(`Se conserva #${olderFolio}, la más antigua.`);
	await banner(page)
		.getByRole('button', { name: `Sí, fusionar en #${olderFolio}` })
		.click();
	await expect(banner(page).getByRole('status')).toContainText(`Listo: #${newerFolio} se fusionó en #${olderFolio}.`);
	await expect(page.getByTestId('card-stage')).toHaveText('Cancelada');
	await expect(page.getByText('Cancelada: Duplicado')).toBeVisible();

	// The kept card: its folio, the email it lacked, the newer card's history, and no flag any more.
	await banner(page)
		.getByRole('link', { name: `Ver tarjeta #${olderFolio}` })
		.click();
	await expect(page).toHaveURL(olderUrl);
	await expect(page.getByText(`Folio ${olderFolio}`)).toBeVisible();
	await expect(banner(page)).toHaveCount(0);
	await expect(page.locator('#f-email')).toHaveValue('fer.ruiz@example.com');
	await expect(page.locator('.history')).toContainText(`Se fusionó #${newerFolio} en esta tarjeta: 0 archivos`);
	await expect(page.locator('.history')).toContainText(`(de #${newerFolio})`);

	await page.goto(`/tablero?q=${encodeURIComponent(PHONE.replace(/\s/g, ''))}`);
	await expect(boardCard(page, olderId).locator('.name')).toHaveText('Fernanda Ruiz Canché');
	await expect(boardCard(page, olderId).locator('[data-duplicate]')).toHaveCount(0);
});
