import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';

const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };
// What must never reach a shared screen: demo phones (998…), e-mails, PPPoE passwords (phone + M), Wi-Fi passwords.
// Word boundaries: a card id (a UUID) can hold «998» and seven digits too.
const FORBIDDEN = [/(?:\b|\+?52)998\d{7}\b/, /@[a-z0-9-]+\.(mx|com|invalid)/i, /\d{10}M\b/, /2024MB/i, /10\.30\.\d+\.\d+/];

async function createDisplayLink(page: Page, name: string): Promise<string> {
	await page.goto('/ajustes');
	await page
		.getByRole('navigation', { name: /ajustes/i })
		.getByRole('link', { name: 'Pantallas' })
		.click();
	await expect(page).toHaveURL(/\/ajustes\/pantallas$/);
	await page.getByLabel('Nombre de la pantalla').fill(name);
	await page.getByRole('button', { name: 'Crear enlace' }).click();
	const url = await page.getByTestId('display-url').inputValue();
	expect(url).toMatch(/\/pantalla\/[a-z2-7]{32}$/);
	return new URL(url).pathname;
}

test('la pantalla de la oficina muestra el tablero en vivo, sin datos personales, y se apaga al desactivarla', async ({
	page,
	browser
}) => {
	await login(page, ADMIN.email, ADMIN.password);
	const path = await createDisplayLink(page, 'TV oficina');

	const tvContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'es-MX', timezoneId: 'America/Cancun' });
	const tv = await tvContext.newPage();
	const frames: string[] = [];
	tv.on('websocket', (ws) => {
		ws.on('framereceived', (f) => frames.push(String(f.payload)));
		ws.on('framesent', (f) => frames.push(String(f.payload)));
	});
	await tv.goto(path);
	await expect(tv.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
	await expect(tv.getByTestId('live-indicator')).toContainText(/EN VIVO · \d{2}:\d{2}:\d{2}/);
	await expect(tv.getByTestId('display-card').first()).toBeVisible();
	await tv.screenshot({ path: 'test-results/screens/pantalla-1920x1080.png' });

	// A coordinator moves a card back one column; the TV shows it (highlighted) within a second.
	const coordContext = await browser.newContext();
	const coord = await coordContext.newPage();
	await login(coord, COORDINATOR.email, COORDINATOR.password);
	const card = tv.getByTestId('display-column-cobertura_confirmada').getByTestId('display-card').first();
	const cardId = (await card.getAttribute('data-card-id'))!;
	const status = await coord.evaluate(async (id) => {
		const res = await fetch(`/api/instalaciones/${id}/mover`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ toStage: 'preinstalacion', version: 1 })
		});
		return res.status;
	}, cardId);
	expect(status).toBe(200);
	const moved = tv.getByTestId('display-column-preinstalacion').locator(`[data-card-id="${cardId}"]`);
	await expect(moved).toBeVisible({ timeout: 1000 });
	await expect(moved).toHaveClass(/moved/);
	await tv.screenshot({ path: 'test-results/screens/pantalla-movimiento-1920x1080.png' });

	const html = await tv.content();
	for (const re of FORBIDDEN) {
		expect(html).not.toMatch(re);
		expect(frames.join('\n')).not.toMatch(re);
	}
	expect(frames.some((f) => f.includes('display:card'))).toBe(true);

	// The display can't call mutating endpoints: it has no session.
	const tryMove = await tv.request.post(`/api/instalaciones/${cardId}/mover`, { data: { toStage: 'cancelada', version: 1 } });
	expect(tryMove.status()).toBe(401);

	// Revoking turns the open screen off live, and the link stops loading.
	page.once('dialog', (d) => void d.accept());
	await page
		.getByRole('row', { name: /TV oficina/ })
		.getByRole('button', { name: 'Desactivar' })
		.click();
	await expect(tv.getByTestId('display-off')).toBeVisible({ timeout: 3000 });
	await expect(tv.getByRole('heading', { name: 'Pantalla desactivada' })).toBeVisible();
	const again = await tv.goto(path);
	expect(again?.status()).toBe(410);
	await expect(tv.getByRole('heading', { name: 'Pantalla desactivada' })).toBeVisible();
	await tvContext.close();
	await coordContext.close();
});

test('la pantalla dice SIN CONEXIÓN cuando se corta el enlace y vuelve sola', async ({ page, browser }) => {
	await login(page, ADMIN.email, ADMIN.password);
	const path = await createDisplayLink(page, 'TV pasillo');
	const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'es-MX', timezoneId: 'America/Cancun' });
	const tv = await ctx.newPage();
	await tv.goto(path);
	await expect(tv.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
	await ctx.setOffline(true);
	await expect(tv.getByTestId('live-indicator')).toContainText(/SIN CONEXIÓN desde \d{2}:\d{2}/, { timeout: 30_000 });
	await ctx.setOffline(false);
	await expect(tv.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
	await ctx.close();
});

test('una dirección de pantalla desconocida no carga', async ({ page }) => {
	const res = await page.goto('/pantalla/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
	expect(res?.status()).toBe(404);
	// Not «an admin turned it off»: nobody did; the link is wrong.
	await expect(page.getByRole('heading', { name: 'Este enlace no existe' })).toBeVisible();
	await expect(page.getByText('desactivó')).toHaveCount(0);
});
