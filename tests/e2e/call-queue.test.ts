import { test, expect, type Browser, type Page } from '@playwright/test';
import { ADMIN, login, replaceTemporaryPassword } from './fixtures';

const AGENT = { email: 'agente@demo.invalid', password: 'demo-tecnico-2026', name: 'Karen Sánchez Pool' };
const SECOND = {
	email: `beto.llamadas.${Date.now()}@demo.mx`,
	password: 'temporal-segura-22',
	own: 'mango tlayuda nublado 42',
	name: 'Beto Llamadas Uc'
};

/** Tomorrow's civil date in Cancún (the demo provider's time zone, UTC−5 all year). */
function tomorrowInCancun(): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Cancun' }).format(new Date());
	const d = new Date(`${today}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

const rows = (page: Page) => page.getByTestId('call-row');
const row = (page: Page, id: string) => page.locator(`[data-testid="call-row"][data-id="${id}"]`);

async function signedIn(browser: Browser, who: { email: string; password: string; own?: string }) {
	const context = await browser.newContext();
	const page = await context.newPage();
	// login() with more patience: argon2 under a loaded machine can take longer than the default 10 s.
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(who.email);
	await page.getByLabel('Contraseña').fill(who.password);
	await page.getByRole('button', { name: 'Entrar' }).click();
	// An account the admin just created signs in with a temporary password and picks its own first.
	if (who.own) await replaceTemporaryPassword(page, who.password, who.own);
	await expect(page).toHaveURL(/\/tablero/, { timeout: 45_000 });
	return { context, page };
}

test('la agente registra «no contestó» con llamada para mañana: el lead sale de la lista de hoy y aparece en la de mañana', async ({
	page
}) => {
	await login(page, AGENT.email, AGENT.password);
	await page
		.getByRole('navigation', { name: /principal/i })
		.getByRole('link', { name: 'Mis llamadas' })
		.click();
	await expect(page).toHaveURL(/\/llamadas$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Mis llamadas' })).toBeVisible();
	const lead = rows(page).filter({ hasText: 'Lead nuevo sin llamar' }).first();
	await expect(lead).toBeVisible();
	const id = (await lead.getAttribute('data-id'))!;
	const name = (await lead.locator('.name').textContent())!.trim();
	// Tap to call: the phone in international format.
	await expect(lead.getByRole('link', { name: `Llamar a ${name}` })).toHaveAttribute('href', /^tel:\+52\d{10}$/);
	// One click opens the card on the call script.
	await expect(lead.getByRole('link', { name: 'Abrir tarjeta' })).toHaveAttribute('href', `/instalaciones/${id}?seccion=llamada`);

	const tomorrow = tomorrowInCancun();
	// She calls from the card (a second tab, as in the office) and records it there.
	const card = await page.context().newPage();
	await card.goto(`/instalaciones/${id}?seccion=llamada`);
	const followUp = card.getByTestId('follow-up');
	await followUp.getByRole('button', { name: 'Registrar llamada' }).click();
	const form = followUp.getByTestId('call-recorder');
	await form.getByLabel('No contestó').check();
	await form.getByLabel('Otra fecha y hora').check();
	await form.getByLabel('Fecha y hora de la próxima llamada').fill(`${tomorrow}T11:00`);
	await form.getByRole('button', { name: 'Guardar llamada' }).click();
	await expect(followUp.getByTestId('follow-up-summary')).toContainText('1 intento');
	await card.close();

	// Live: the list drops the lead without a reload (the call changed the card).
	await expect(row(page, id)).toHaveCount(0);
	await page.reload();
	await expect(row(page, id)).toHaveCount(0);

	await page.getByRole('link', { name: 'Mañana', exact: true }).click();
	await expect(page).toHaveURL(/dia=manana/);
	const later = row(page, id);
	await expect(later).toBeVisible();
	await expect(later).toContainText('Llamada programada');
	await expect(later).toContainText('No contestó');
	await expect(later.locator('dd').nth(1)).toHaveText('1');

	// The same day picked as a date shows it too.
	await page.goto(`/llamadas?dia=${tomorrow}`);
	await expect(row(page, id)).toBeVisible();
});

test('dos agentes pulsan «Siguiente» a la vez: cada una recibe un lead distinto y ve quién llama el otro', async ({ browser, page }) => {
	// Three browsers and a user created on the way: on a loaded machine this takes minutes.
	test.setTimeout(300_000);
	// A second agent, created by the admin on the users page.
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/usuarios');
	await page.getByLabel('Nombre', { exact: true }).last().fill(SECOND.name);
	await page.getByLabel('Correo electrónico').last().fill(SECOND.email);
	await page.getByLabel('Rol', { exact: true }).last().selectOption('agent');
	await page.getByLabel('Contraseña temporal').fill(SECOND.password);
	await page.getByRole('button', { name: 'Crear usuario' }).click();
	await expect(page.getByRole('status').filter({ hasText: SECOND.name })).toBeVisible();

	const karen = await signedIn(browser, AGENT);
	const beto = await signedIn(browser, SECOND);
	await karen.page.goto('/llamadas');
	await beto.page.goto('/llamadas');
	await expect(rows(karen.page).first()).toBeVisible();

	// Both press at the same moment; each lands on a different card, opened on its tab.
	await Promise.all([
		karen.page.getByRole('button', { name: /Siguiente/ }).click(),
		beto.page.getByRole('button', { name: /Siguiente/ }).click()
	]);
	await expect(karen.page).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}\?seccion=\w+/);
	await expect(beto.page).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}\?seccion=\w+/);
	const idOf = (p: Page) => new URL(p.url()).pathname.split('/').pop()!;
	const karenLead = idOf(karen.page);
	const betoLead = idOf(beto.page);
	expect(karenLead).not.toBe(betoLead);

	// Karen goes back to her list: Beto's lead shows «Beto … está llamando», hers «Tú estás llamando».
	await karen.page.goto('/llamadas');
	await expect(row(karen.page, betoLead).getByTestId('calling')).toContainText(`${SECOND.name} está llamando`);
	await expect(row(karen.page, karenLead).getByTestId('calling')).toContainText('Tú estás llamando');

	// Live: Beto lets go of his lead from his list; Karen's list updates without a reload.
	await beto.page.goto('/llamadas');
	await row(beto.page, betoLead)
		.getByRole('button', { name: /^Soltar la llamada/ })
		.click();
	await expect(row(beto.page, betoLead).getByTestId('calling')).toHaveCount(0);
	await expect(row(karen.page, betoLead).getByTestId('calling')).toHaveCount(0);
	// And Beto's «Siguiente» skips the lead Karen is calling.
	await beto.page.getByRole('button', { name: /Siguiente/ }).click();
	await expect(beto.page).toHaveURL(/\/instalaciones\//);
	expect(idOf(beto.page)).not.toBe(karenLead);
	await expect(row(karen.page, idOf(beto.page)).getByTestId('calling')).toContainText(`${SECOND.name} está llamando`);

	for (const width of [1440, 390]) {
		await karen.page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
		await karen.page.screenshot({ path: `test-results/call-queue-${width}.png`, fullPage: width > 500 ? false : true });
	}
	await karen.context.close();
	await beto.context.close();
});
