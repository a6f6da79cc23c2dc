// Issue 22: the technician's app without signal. The pages are visited once online; then the
// network is cut, the job is done on the phone (equipment, two photos, «Instalación completada»),
// the connection returns, and the office sees it all once, in order. One lost answer is replayed
// on purpose to show the server applies a key once.
import { test, expect, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { jobKeptForOffline, login } from './fixtures';

const PASSWORD = 'demo-tecnico-2026';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'es-MX', timezoneId: 'America/Cancun' };

async function photo(seed: number, width: number, height: number, quality = 80, orientation?: number): Promise<Buffer> {
	const raw = Buffer.alloc(width * height * 3);
	let s = seed;
	for (let i = 0; i < raw.length; i += 3) {
		s = (s * 1103515245 + 12345) & 0x7fffffff;
		const n = (s >> 16) % 64;
		const x = (i / 3) % width;
		const y = Math.floor(i / 3 / width);
		raw[i] = ((x / width) * 190 + n) | 0;
		raw[i + 1] = ((y / height) * 190 + n) | 0;
		raw[i + 2] = (100 + n) | 0;
	}
	const img = sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality });
	return orientation ? img.withMetadata({ orientation }).toBuffer() : img.toBuffer();
}

async function technicianPhone(browser: Browser): Promise<Page> {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await login(page, 'tecnico1@demo.invalid', PASSWORD, /\/tecnico$/);
	// The service worker controls the page (it claims it on its first activation).
	await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
	return page;
}

/**
 * An open job of tecnico1 in `stage` (a finished one shows «Terminada» instead of its stage). With
 * the sheet signed («Firmada»), completing it makes it «Activa».
 */
async function openJob(page: Page, stage: 'Firmada' | 'Asignada', nth = -1): Promise<{ id: string; name: string }> {
	await page.goto('/tecnico');
	const job = page.getByTestId('tech-job').filter({ hasText: stage }).nth(nth);
	await expect(job).toBeVisible();
	const href = (await job.getAttribute('href'))!;
	return { id: href.split('/').pop()!, name: (await job.locator('strong').first().textContent())!.trim() };
}

test('sin señal: el técnico termina un trabajo y la oficina lo ve completo, una sola vez y en orden', async ({ browser }) => {
	test.setTimeout(180_000);
	const page = await technicianPhone(browser);
	const job = await openJob(page, 'Firmada');
	// Online once: the job page is cached (the list also cached it ahead).
	await page.goto(`/tecnico/${job.id}`);
	await expect(page.getByRole('heading', { name: job.name })).toBeVisible();
	await jobKeptForOffline(page, `/tecnico/${job.id}`);

	await page.context().setOffline(true);
	await page.goto('/tecnico');
	await expect(page.getByRole('heading', { name: 'Mis trabajos' })).toBeVisible();
	await page.locator(`a[href="/tecnico/${job.id}"]`).click();
	await expect(page.getByRole('heading', { name: job.name })).toBeVisible();
	await expect(page.getByTestId('sync-status')).toContainText('Sin conexión');

	await page.getByLabel('DNI').fill('DNI-22-0001');
	await page.getByLabel('MAC del CPE').fill('a4-2b-b0-11-22-33');
	await page.getByLabel('Serie de la ONU').fill('ztegc1234567');
	await page.getByLabel('Modelo del router').fill('TP-Link Archer C6');
	await page.getByLabel('Señal y notas').fill('Señal -58 dBm');
	await page.getByRole('button', { name: 'Guardar datos' }).click();
	await page.getByTestId('photo-input').setInputFiles([
		{ name: 'poste.jpg', mimeType: 'image/jpeg', buffer: await photo(1, 1600, 1200) },
		{ name: 'router.jpg', mimeType: 'image/jpeg', buffer: await photo(2, 1200, 1600) }
	]);
	await expect(page.getByTestId('queued-photo')).toHaveCount(2);
	await page.getByRole('button', { name: 'Instalación completada' }).click();
	await expect(page.getByTestId('complete-queued')).toBeVisible();
	await expect(page.getByTestId('sync-count')).toHaveText(/4 cambios por enviar/);

	// Closing the page keeps the queue (IndexedDB); the job still opens without signal.
	const context = page.context();
	await page.close();
	const phone = await context.newPage();
	await phone.goto(`/tecnico/${job.id}`);
	await expect(phone.getByTestId('sync-count')).toHaveText(/4 cambios por enviar/);
	await expect(phone.getByLabel('MAC del CPE')).toHaveValue('A4:2B:B0:11:22:33');
	await expect(phone.getByTestId('queued-photo')).toHaveCount(2);
	await phone.screenshot({ path: '/tmp/pwa-offline-390.png', fullPage: true });
	await phone.setViewportSize({ width: 1440, height: 900 });
	await phone.screenshot({ path: '/tmp/pwa-offline-1440.png', fullPage: true });
	await phone.setViewportSize(PHONE.viewport);

	// The first photo's answer is lost on the way back: the phone sends it again with the same key.
	let lost = 0;
	await phone.route('**/tecnico/foto', async (route) => {
		if (lost++ > 0) return route.continue();
		await route.fetch();
		await route.abort('connectionreset');
	});
	await context.setOffline(false);
	await phone.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(phone.getByTestId('sync-status')).toBeHidden({ timeout: 60_000 });
	await expect(phone.getByTestId('complete-result')).toContainText('quedó activa');
	expect(lost).toBeGreaterThanOrEqual(2);

	// The office: the card is in «Activa» on the board, with both photos and the fields, once.
	const office = await browser.newContext();
	const board = await office.newPage();
	await login(board, 'coordinador@demo.invalid', PASSWORD);
	await expect(board.locator(`section[data-stage="activa"] [data-card-id="${job.id}"]`)).toBeVisible();
	const files = (await (await board.request.get(`/api/instalaciones/${job.id}/archivos`)).json()) as {
		category: string;
		createdAt: string;
	}[];
	const photos = files.filter((f) => f.category === 'foto_instalacion');
	expect(photos).toHaveLength(2);
	const panel = (await (await board.request.get(`/api/instalaciones/${job.id}/tarjeta`)).json()) as Record<string, unknown>;
	const text = JSON.stringify(panel);
	for (const v of ['DNI-22-0001', 'A4:2B:B0:11:22:33', 'ZTEGC1234567', 'TP-Link Archer C6', 'Señal -58 dBm']) expect(text).toContain(v);
	await office.close();
	await context.close();
});

test('una foto de 12 MB llega de menos de 1 MB y derecha (orientación EXIF 6)', async ({ browser }) => {
	test.setTimeout(180_000);
	const big = await photo(7, 6000, 4000, 95, 6);
	expect(big.byteLength).toBeGreaterThan(12 * 1024 * 1024);
	const page = await technicianPhone(browser);
	const job = await openJob(page, 'Asignada');
	await page.goto(`/tecnico/${job.id}`);
	const sent: number[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('/tecnico/foto')) sent.push(r.postDataBuffer()?.byteLength ?? 0);
	});
	const before = Number(await page.getByTestId('photo-count').textContent());
	await page.getByTestId('photo-input').setInputFiles({ name: 'grande.jpg', mimeType: 'image/jpeg', buffer: big });
	await expect(page.getByTestId('photo-count')).toHaveText(String(before + 1), { timeout: 60_000 });
	expect(sent).toHaveLength(1);
	expect(sent[0]).toBeLessThanOrEqual(1024 * 1024);

	// What the server stored: portrait (the sensor's landscape turned by the EXIF), at most 2000 px.
	const files = (await (await page.request.get(`/api/instalaciones/${job.id}/archivos`)).json()) as { id: string; category: string }[];
	expect(files.length).toBeGreaterThan(0);
	// Newest first: the one just sent.
	const [newest] = files.filter((f) => f.category === 'foto_instalacion');
	const stored = Buffer.from(await (await page.request.get(`/archivos/${newest.id}`)).body());
	const meta = await sharp(stored).metadata();
	expect(stored.byteLength).toBeLessThanOrEqual(1024 * 1024);
	expect([meta.width, meta.height]).toEqual([1333, 2000]);
	expect(meta.orientation ?? 1).toBe(1);
	await page.context().close();
});

test('un dato que la oficina cambió mientras no había señal no se pisa: el técnico elige', async ({ browser }) => {
	test.setTimeout(180_000);
	const page = await technicianPhone(browser);
	const job = await openJob(page, 'Asignada', 1);
	await page.goto(`/tecnico/${job.id}`);
	await expect(page.getByRole('heading', { name: job.name })).toBeVisible();

	await page.context().setOffline(true);
	await page.getByLabel('Modelo del router').fill('Mikrotik hAP');
	await page.getByRole('button', { name: 'Guardar datos' }).click();
	await expect(page.getByTestId('sync-count')).toHaveText(/1 cambio por enviar/);

	// Meanwhile the office writes the same field from the card.
	const office = await browser.newContext();
	const board = await office.newPage();
	await login(board, 'coordinador@demo.invalid', PASSWORD);
	const edit = await board.request.patch(`/api/instalaciones/${job.id}/campo`, {
		data: { field: 'routerModel', value: 'Ubiquiti Oficina', baseValue: null }
	});
	expect(edit.ok()).toBe(true);

	await page.context().setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	const conflict = page.getByTestId('sync-conflict');
	await expect(conflict).toContainText('La oficina cambió Modelo del router a «Ubiquiti Oficina» — tu valor: «Mikrotik hAP»');
	// Nothing was overwritten: the office's value stands until the technician chooses.
	await expect(page.getByLabel('Modelo del router')).toHaveValue('Ubiquiti Oficina');
	await page.screenshot({ path: '/tmp/pwa-conflict-390.png', fullPage: false });

	await conflict.getByRole('button', { name: 'Usar mi valor' }).click();
	await expect(conflict).toBeHidden();
	await expect(page.getByLabel('Modelo del router')).toHaveValue('Mikrotik hAP');
	const panel = (await (await board.request.get(`/api/instalaciones/${job.id}/tarjeta`)).json()) as { card: { routerModel: string } };
	expect(panel.card.routerModel).toBe('Mikrotik hAP');
	await office.close();
	await page.context().close();
});

test('sin señal, una página que el teléfono no guardó dice «Sin conexión» y lleva a «Mis trabajos»', async ({ browser }) => {
	test.setTimeout(120_000);
	const page = await technicianPhone(browser);
	const job = await openJob(page, 'Asignada');
	await jobKeptForOffline(page, `/tecnico/${job.id}`);
	await page.context().setOffline(true);
	// The day's map is not kept on the phone (its tiles could not be either).
	await page.locator('a[href="/tecnico/mapa"]').click();
	await expect(page.getByRole('heading', { name: 'Sin conexión', level: 1 })).toBeVisible();
	await expect(page.getByText('Esta página no quedó guardada en el teléfono')).toBeVisible();
	await expect(page.getByText('500')).toHaveCount(0);
	await page.getByRole('link', { name: 'Ir a «Mis trabajos»' }).click();
	await expect(page.getByRole('heading', { name: 'Mis trabajos' })).toBeVisible();
	await expect(page.getByTestId('tech-job').first()).toBeVisible();
	await page.context().close();
});
