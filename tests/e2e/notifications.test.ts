import { test, expect, devices, type Browser, type Page } from '@playwright/test';
import { login } from './fixtures';

const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };
// tecnico4: the other browser tests use tecnico1 and tecnico2.
const TECH = { email: 'tecnico4@demo.invalid', password: 'demo-tecnico-2026', name: 'Jesús Ek Tamay' };

async function phone(browser: Browser): Promise<Page> {
	const ctx = await browser.newContext({
		...devices['Pixel 5'],
		viewport: { width: 390, height: 844 },
		locale: 'es-MX',
		timezoneId: 'America/Cancun'
	});
	return ctx.newPage();
}

/** The bell's unread count, from its accessible name («Avisos» or «Avisos: 3 sin leer»). */
async function unread(page: Page): Promise<number> {
	const name = (await page.getByRole('button', { name: /^Avisos/ }).getAttribute('aria-label')) ?? '';
	return Number(/(\d+) sin leer/.exec(name)?.[1] ?? 0);
}

/** An unassigned card of the board's «Agendada» or «Documentos pendientes» column, with its customer's name. */
async function unassignedCard(page: Page, skip: string[] = []): Promise<{ id: string; name: string }> {
	const cards = page.locator('section[data-stage="agendada"] [data-card-id], section[data-stage="documentos_pendientes"] [data-card-id]');
	await expect(cards.first()).toBeVisible();
	for (const card of await cards.all()) {
		const id = (await card.getAttribute('data-card-id'))!;
		if (skip.includes(id)) continue;
		const res = await page.request.get(`/api/instalaciones/${id}/tarjeta`);
		const body = await res.json();
		if (!body.card.technicianId) return { id, name: body.card.fullName };
	}
	throw new Error('No hay tarjetas sin técnico en el tablero de demostración');
}

async function assign(page: Page, cardId: string) {
	await page.goto(`/instalaciones/${cardId}`);
	await page.getByRole('tab', { name: 'Conexión' }).click();
	const conn = page.getByTestId('connection-section');
	await conn.getByRole('radio', { name: new RegExp(TECH.name) }).check();
	await conn.getByRole('button', { name: 'Asignar técnico' }).click();
	const anyway = conn.getByRole('button', { name: 'Asignar de todos modos' });
	await expect(conn.getByText(/Técnico asignado\.|Confirma si quieres asignarlo/)).toBeVisible();
	if (await anyway.isVisible()) await anyway.click();
	await expect(conn.getByRole('status')).toContainText('Técnico asignado.');
}

test.setTimeout(180_000);

test('el técnico recibe en vivo el aviso de un trabajo asignado, lo abre, y puede dejar de recibirlos', async ({ page, browser }) => {
	const tech = await phone(browser);
	await login(tech, TECH.email, TECH.password, /\/tecnico$/);
	await expect(tech.getByRole('heading', { name: 'Mis trabajos' })).toBeVisible();
	const bell = tech.getByRole('button', { name: /^Avisos/ });
	await expect(bell).toBeVisible();
	// Let the bell read its count before the change.
	await tech.waitForLoadState('networkidle');
	const before = await unread(tech);

	await login(page, COORDINATOR.email, COORDINATOR.password);
	const first = await unassignedCard(page);
	await assign(page, first.id);

	// Live: no reload on the phone.
	await expect(bell).toHaveAccessibleName(`Avisos: ${before + 1} sin leer`);
	await expect(tech.getByTestId('notif-count')).toHaveText(String(before + 1));
	await bell.click();
	const panel = tech.getByRole('region', { name: 'Avisos' });
	const notice = panel.getByRole('link', { name: new RegExp(`Nuevo trabajo asignado.*${first.name}`) });
	await expect(notice).toBeVisible();
	await expect(notice).toContainText('por Laura Méndez Ortega');
	await tech.screenshot({ path: 'test-results/screens/avisos-tecnico-390x844.png' });
	await notice.click();
	await expect(tech).toHaveURL(new RegExp(`/tecnico/${first.id}$`));
	await expect(tech.getByText(first.name).first()).toBeVisible();
	await expect(bell).toHaveAccessibleName(before ? `Avisos: ${before} sin leer` : 'Avisos');

	// Preferences: «Me asignan un trabajo» off, then another assignment tells nothing.
	await tech.goto('/notificaciones');
	await expect(tech.getByRole('heading', { name: 'Qué avisos recibo' })).toBeVisible();
	const kind = tech.getByRole('checkbox', { name: 'Me asignan un trabajo' });
	await expect(kind).toBeChecked();
	await expect(tech.getByRole('checkbox', { name: /tiempo límite/ })).toHaveCount(0);
	await kind.uncheck();
	await tech.getByRole('button', { name: 'Guardar mis avisos' }).click();
	await expect(tech.getByRole('status')).toBeVisible();
	await tech.reload();
	await expect(tech.getByRole('checkbox', { name: 'Me asignan un trabajo' })).not.toBeChecked();
	await tech.screenshot({ path: 'test-results/screens/avisos-preferencias-390x844.png', fullPage: true });

	await page.goto('/tablero');
	const second = await unassignedCard(page, [first.id]);
	await assign(page, second.id);
	const list = await (await tech.request.get('/api/notificaciones')).json();
	expect(list.items.filter((n: { installationId: string }) => n.installationId === second.id)).toEqual([]);

	// Back on, for the next run on the same demo data.
	await tech.getByRole('checkbox', { name: 'Me asignan un trabajo' }).check();
	await tech.getByRole('button', { name: 'Guardar mis avisos' }).click();
	await expect(tech.getByRole('status')).toBeVisible();

	// The same bell on a desktop, open.
	await tech.setViewportSize({ width: 1280, height: 800 });
	await tech.goto('/tecnico');
	await tech.getByRole('button', { name: /^Avisos/ }).click();
	await expect(tech.getByRole('region', { name: 'Avisos' })).toBeVisible();
	await tech.screenshot({ path: 'test-results/screens/avisos-escritorio-1280x800.png' });
	await tech.context().close();
});
