import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { ADMIN, ORG, login } from './fixtures';

const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };
// Demo cards installed tomorrow (demo.ts: day 1); no other browser test touches them.
const ON_CARD = 'Diana Laura Peñaloza Can';
const ON_PAGE = 'Francisco Javier Ruiz Tun';

/** WhatsApp is never loaded: the click-to-chat tab is answered here and its address read. */
async function fakeWhatsApp(context: BrowserContext) {
	await context.route('https://wa.me/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>WhatsApp</p>' }));
}

async function cardId(page: Page, name: string): Promise<string> {
	await page.goto('/tablero');
	const id = await page.locator('[data-card-id]', { hasText: name }).first().getAttribute('data-card-id');
	expect(id).toBeTruthy();
	return id!;
}

async function waTab(page: Page, click: () => Promise<void>): Promise<URL> {
	const popup = page.waitForEvent('popup');
	await click();
	const tab = await popup;
	await tab.waitForURL(/^https:\/\/wa\.me\//);
	const url = new URL(tab.url());
	await tab.close();
	return url;
}

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));
// A loaded machine builds and serves slowly; each journey signs in and opens several pages.
test.describe.configure({ timeout: 180_000 });

test('en la tarjeta el recordatorio muestra los datos reales, abre WhatsApp con el texto exacto y queda en el historial', async ({
	page,
	context
}) => {
	await fakeWhatsApp(context);
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const who = (await page.locator('.who .name').textContent())!.trim();
	const id = await cardId(page, ON_CARD);
	await page.goto(`/instalaciones/${id}?seccion=mensajes`);
	const section = page.getByTestId('messages-section');
	await section.getByLabel('Mensaje', { exact: true }).selectOption({ label: 'Recordatorio' });
	const preview = section.getByTestId('msg-preview');
	await expect(preview).toContainText(`Hola ${ON_CARD}, le recordamos que mañana`);
	await expect(preview).toContainText(ORG);
	await expect(preview).toContainText(/pago de \$[\d,]+\.\d\d/);
	await expect(preview).not.toContainText('{');
	const text = (await preview.textContent())!;
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: 'test-results/screens/mensajes-tarjeta-1280.png', fullPage: true });

	const url = await waTab(page, () => section.getByTestId('msg-send').click());
	expect(url.pathname).toMatch(/^\/52\d{10}$/);
	expect(url.searchParams.get('text')).toBe(text);
	// The fallback link carries the same address, character for character.
	const href = await section.getByTestId('msg-wa-link').getAttribute('href');
	expect(href).toBe(`https://wa.me${url.pathname}?text=${encodeURIComponent(text)}`);

	await expect(section.getByTestId('msg-sent')).toContainText('Recordatorio');
	await expect(section.getByTestId('msg-sent')).toContainText(who);
	await page.goto(`/instalaciones/${id}?seccion=historial`);
	const history = page.locator('section[data-section="historial"]');
	await expect(history).toContainText('Mensaje enviado: recordatorio');
	await expect(history.locator('li', { hasText: 'Mensaje enviado: recordatorio' }).first()).toContainText(who);
});

test('un mensaje al que le falta un dato dice cuál y no se puede enviar', async ({ page }) => {
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const id = await cardId(page, ON_CARD);
	await page.goto(`/instalaciones/${id}?seccion=mensajes`);
	const section = page.getByTestId('messages-section');
	// Documents still owed to the office: the list is the card's, or the message says nothing is missing.
	await section.getByLabel('Mensaje', { exact: true }).selectOption({ label: 'Enlace de firma' });
	await expect(section.getByTestId('msg-preview')).toContainText('se crea uno nuevo al enviar');
	const res = await page.request.post(`/api/instalaciones/${id}/mensajes`, { data: { templateKey: 'no-existe' } });
	expect(res.status()).toBe(400);
	expect((await res.json()).message).toBe('Ese mensaje no existe: elige uno de la lista.');
});

test('«Para mañana» lista las instalaciones de mañana y marca el recordatorio al enviarlo', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-MX', timezoneId: 'America/Cancun' });
	await fakeWhatsApp(context);
	const page = await context.newPage();
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const who = (await page.locator('.who .name').textContent())!.trim();
	await page.goto('/recordatorios');
	await expect(page.getByRole('heading', { name: 'Para mañana' })).toBeVisible();
	const row = page.getByTestId('reminder').filter({ hasText: ON_PAGE });
	await expect(row).toHaveAttribute('data-sent', 'false');
	await expect(row).toContainText(`Hola ${ON_PAGE}, le recordamos que mañana`);
	await page.screenshot({ path: 'test-results/screens/para-manana-390.png', fullPage: true });

	const text = (await row.locator('.preview').textContent())!;
	const url = await waTab(page, () => row.getByTestId('rem-send').click());
	expect(url.searchParams.get('text')).toBe(text);
	expect(url.pathname).toMatch(/^\/52\d{10}$/);
	await expect(row).toHaveAttribute('data-sent', 'true');
	await expect(row.getByTestId('rem-sent')).toContainText(`Enviado por ${who}`);
	await page.screenshot({ path: 'test-results/screens/para-manana-enviado-390.png', fullPage: true });
	await context.close();
});

test('la administradora edita un texto: una variable desconocida se rechaza por su nombre', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes/mensajes');
	const box = page.locator('fieldset[data-template="montos"] textarea');
	await box.fill('Hola {cliente}, son {montos}.');
	await page.getByRole('button', { name: 'Guardar mensajes' }).click();
	await expect(page.locator('fieldset[data-template="montos"]').getByRole('alert')).toContainText('{montos} no es una variable');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: 'test-results/screens/ajustes-mensajes-1280.png', fullPage: false });
});
