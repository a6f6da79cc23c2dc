import { test, expect } from '@playwright/test';
import { ADMIN, login } from './fixtures';
import { startFakeWhatsApp, type FakeWhatsApp } from '../whatsapp-fake/fake';

// The admin connects WhatsApp Business (the local fake, built from Meta's documentation); from a
// card a message goes out through the API, the fake's signed webhooks turn it «Leído» live, and a
// refused send shows its Spanish reason with «Reintentar».
const PORT = Number(process.env.E2E_PORT ?? 3199);
const VERIFY = 'verificacion-del-tablero';
let fake: FakeWhatsApp;

test.beforeAll(async () => {
	// playwright.config.ts points the server's WHATSAPP_API_BASE at this port.
	fake = startFakeWhatsApp({
		port: PORT + 1000,
		webhookUrl: `http://localhost:${PORT}/api/whatsapp/webhook`,
		autoStatuses: ['sent', 'delivered', 'read'],
		autoDelayMs: 700
	});
	await fake.ready;
});
test.afterAll(() => fake.close());

test('admin connects WhatsApp Business; a card sends through the API and sees «Leído», and a refusal in Spanish', async ({ page }) => {
	test.setTimeout(120_000);
	await login(page, ADMIN.email, ADMIN.password);

	// Without the connection the card offers no Cloud button (click-to-chat stays the default).
	await page.goto('/tablero');
	const first = page.locator('[data-stage="preinstalacion"] [data-card-id]').first();
	await expect(first).toBeVisible();
	const cardId = (await first.getAttribute('data-card-id'))!;
	const loaded = page.waitForResponse((r) => r.url().includes(`/api/instalaciones/${cardId}/whatsapp`));
	await page.goto(`/instalaciones/${cardId}?seccion=mensajes`);
	expect(await (await loaded).json()).toMatchObject({ enabled: false, canSend: false });
	await expect(page.locator('article.card-panel')).toBeVisible();
	await expect(page.getByTestId('cloud-messages')).toHaveCount(0);

	await page.goto('/ajustes/integraciones');
	const section = page.getByTestId('whatsapp-settings');
	await expect(section.getByRole('heading', { name: 'WhatsApp Business (Cloud API)' })).toBeVisible();
	// A wrong token first: Meta's code 190 in Spanish, and the page never carries what was typed.
	await section.getByLabel('Identificador del número de teléfono').fill(fake.options.phoneNumberId);
	await section.getByLabel('Token de acceso').fill('token-equivocado');
	await section.getByRole('button', { name: 'Comprobar WhatsApp' }).click();
	await expect(section.getByRole('alert')).toContainText('El token de acceso de WhatsApp venció o no es válido');
	expect(await page.content()).not.toContain('token-equivocado');

	await section.getByLabel('Enviar mensajes desde el tablero con la Cloud API').check();
	await section.getByLabel('Identificador del número de teléfono').fill(fake.options.phoneNumberId);
	await section.getByLabel('Token de acceso').fill(fake.options.accessToken);
	await section.getByLabel('Clave secreta de la app').fill(fake.options.appSecret);
	await section.getByLabel('Token de verificación del webhook').fill(VERIFY);
	await section.getByRole('button', { name: 'Aplicar configuración de WhatsApp' }).click();
	await expect(section.getByText('Se guardó la configuración de WhatsApp Business.')).toBeVisible();
	await expect(section.getByText(`termina en ${fake.options.accessToken.slice(-4)}`)).toBeVisible();
	await expect(section.getByTestId('wa-webhook-url')).toContainText('/api/whatsapp/webhook');
	const html = await page.content();
	for (const secret of [fake.options.accessToken, fake.options.appSecret, VERIFY]) expect(html).not.toContain(secret);
	await section.getByRole('button', { name: 'Comprobar WhatsApp' }).click();
	await expect(section.getByTestId('wa-tested')).toContainText('Conexión correcta con WhatsApp Business: Internet de Prueba');
	await section.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/screens/whatsapp-ajustes-1440.png', fullPage: true });

	// Meta's subscription check answers the challenge only with the saved verify token.
	const check = await page.request.get(`/api/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=8812`);
	expect(await check.text()).toBe('8812');
	expect((await page.request.get('/api/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=otro&hub.challenge=1')).status()).toBe(403);
	// An unsigned status is refused.
	expect((await page.request.post('/api/whatsapp/webhook', { data: { entry: [] } })).status()).toBe(401);

	// From the card: the message goes out through the API and the webhooks make it «Leído» live.
	await page.goto(`/instalaciones/${cardId}?seccion=mensajes`);
	const cloud = page.getByTestId('cloud-messages');
	await expect(cloud).toBeVisible();
	await cloud.getByLabel('Texto a enviar').fill('Hola, le escribimos de Internet Cancún para confirmar su visita.');
	await cloud.getByRole('button', { name: 'Enviar por WhatsApp Business' }).click();
	await expect(cloud.getByText('Mensaje en cola: se envía en unos segundos.')).toBeVisible();
	const sent = cloud.getByTestId('cloud-message').first();
	await expect(sent.getByTestId('cloud-status')).toHaveText('Leído', { timeout: 20_000 });
	expect(fake.state.sent).toHaveLength(1);
	expect(fake.state.sent[0]).toMatchObject({ body: 'Hola, le escribimos de Internet Cancún para confirmar su visita.' });
	expect(fake.state.sent[0].to).toMatch(/^52\d{10}$/);
	await cloud.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/screens/whatsapp-tarjeta-leido-1440.png' });

	// Meta refuses the next one (more than 24 h since the customer wrote): the reason in Spanish, and «Reintentar».
	fake.state.failNext.push({ status: 400, code: 131047 });
	await cloud.getByLabel('Texto a enviar').fill('¿Sigue interesado en el servicio?');
	await cloud.getByRole('button', { name: 'Enviar por WhatsApp Business' }).click();
	const failed = cloud.getByTestId('cloud-message').first();
	await expect(failed.getByTestId('cloud-status')).toContainText('Falló: Pasaron más de 24 horas desde el último mensaje del cliente', {
		timeout: 20_000
	});
	await page.setViewportSize({ width: 390, height: 844 });
	await failed.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/screens/whatsapp-tarjeta-fallo-390.png' });
	await page.setViewportSize({ width: 1440, height: 900 });
	await failed.getByRole('button', { name: 'Reintentar' }).click();
	await expect(failed.getByTestId('cloud-status')).toHaveText('Leído', { timeout: 20_000 });
	expect(fake.state.sent).toHaveLength(2);

	// Switched off again: the card keeps its history but offers no Cloud send.
	await page.goto('/ajustes/integraciones');
	await section.getByLabel('Enviar mensajes desde el tablero con la Cloud API').uncheck();
	await section.getByRole('button', { name: 'Aplicar configuración de WhatsApp' }).click();
	await expect(section.getByText('Se guardó la configuración de WhatsApp Business.')).toBeVisible();
	await page.goto(`/instalaciones/${cardId}?seccion=mensajes`);
	await expect(page.getByTestId('cloud-messages')).toContainText('WhatsApp Business está apagado');
	await expect(page.getByRole('button', { name: 'Enviar por WhatsApp Business' })).toHaveCount(0);
});
