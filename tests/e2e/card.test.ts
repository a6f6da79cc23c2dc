import { test, expect, type Page } from '@playwright/test';
import { login } from './fixtures';

const AGENT = { email: 'agente@demo.invalid', password: 'demo-tecnico-2026' };
const COORD = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };
// Inside the demo's "RB1 ZONA CENTRO DÍA 5" fiber area (demo.ts).
const MAPS_LINK = 'https://www.google.com/maps/@21.16,-86.826,17z';

const stageBadge = (page: Page) => page.getByTestId('card-stage');

test('un agente lleva una preinstalación a documentos pendientes solo con la tarjeta, mientras otro navegador lo ve en vivo', async ({
	browser
}) => {
	// Two browsers and ~40 saves: on a loaded machine this takes longer than the default minute.
	test.setTimeout(180_000);
	const agentCtx = await browser.newContext();
	const coordCtx = await browser.newContext();
	const a = await agentCtx.newPage();
	const b = await coordCtx.newPage();
	await login(a, AGENT.email, AGENT.password);
	await login(b, COORD.email, COORD.password);

	// New lead: bad input is refused next to the field, nothing saved.
	await a.goto('/instalaciones/nueva');
	await a.getByLabel('Nombre completo').fill('x');
	await a.getByLabel('Teléfono principal').fill('123');
	await a.getByRole('button', { name: 'Crear tarjeta' }).click();
	await expect(a.locator('#phone-error')).toContainText('10 dígitos');
	await a.getByLabel('Nombre completo').fill('  rosa  maría de la  luz poot ');
	await a.getByLabel('Teléfono principal').fill('998 555 1234');
	await a.getByRole('button', { name: 'Crear tarjeta' }).click();
	await expect(a).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}$/);
	await expect(a.getByRole('heading', { level: 1 })).toHaveText('Rosa María de la Luz Poot');
	const url = a.url();

	await b.goto(url);
	await expect(stageBadge(b)).toHaveText('Preinstalación');

	// The call script, ticked during the call.
	for (const box of await a.locator('input[data-step]').all()) await box.check();
	await expect(a.getByText('Guion completo')).toBeVisible({ timeout: 10_000 });

	// Coverage from a pasted Google Maps link.
	await a.getByLabel('Coordenadas o enlace de Google Maps / WhatsApp').fill(MAPS_LINK);
	await a.getByRole('button', { name: 'Buscar zona' }).click();
	await expect(a.getByText(/Zona sugerida: RB1 ZONA CENTRO DÍA 5/)).toBeVisible();
	await a.getByRole('button', { name: 'Confirmar cobertura' }).click();
	await expect(a.getByTestId('coverage-confirmed')).toBeVisible();
	await a.getByRole('button', { name: 'Avanzar a Cobertura confirmada' }).click();
	await expect(stageBadge(a)).toHaveText('Cobertura confirmada');
	await expect(stageBadge(b)).toHaveText('Cobertura confirmada', { timeout: 10_000 });

	// Plan and contract.
	const planValue = await a.locator('#f-planId option', { hasText: 'Intermedio 120 Mbps' }).getAttribute('value');
	await a.locator('#f-planId').selectOption(planValue!);
	await a.locator('#f-contractType').selectOption('12_meses');
	await expect(a.getByTestId('deposit')).toContainText('de garantía');
	await a.locator('#f-accepted12m').check();
	await a.locator('#f-customerAccepted').check();
	await expect(a.getByTestId('readback')).toContainText('Intermedio 120 Mbps');
	await expect(b.locator('#f-planId')).toHaveValue(/.+/, { timeout: 10_000 });
	await a.getByRole('button', { name: 'Avanzar a Documentos pendientes' }).click();
	await expect(stageBadge(a)).toHaveText('Documentos pendientes');
	await expect(stageBadge(b)).toHaveText('Documentos pendientes', { timeout: 10_000 });

	// The panel now opens on the documents; the contact data is one tab away.
	for (const p of [a, b]) {
		await expect(p.getByRole('tab', { selected: true })).toHaveText('Documentos');
		await p.getByRole('tab', { name: 'Cliente' }).click();
	}

	// A field typed in one browser shows up in the other.
	await a.locator('#f-email').fill('rosa.poot@gmail.com');
	await a.locator('#f-email').blur();
	await expect(b.locator('#f-email')).toHaveValue('rosa.poot@gmail.com', { timeout: 10_000 });

	// Same field, two people: the second sees both values and picks one; nothing is lost.
	await b.locator('#f-phoneAlt').fill('123'); // still being typed (invalid): not saved yet
	await expect(b.locator('#f-phoneAlt-error')).toBeVisible();
	await a.locator('#f-phoneAlt').fill('998 777 6655');
	await a.locator('#f-phoneAlt').blur();
	await expect(a.locator('[data-field="phoneAlt"] .status')).toHaveText('Guardado');
	await b.locator('#f-phoneAlt').fill('998 111 2222');
	await expect(b.getByTestId('conflict-theirs')).toHaveText('9987776655', { timeout: 10_000 });
	await expect(b.getByTestId('conflict-mine')).toHaveText('998 111 2222');
	await b.getByRole('button', { name: 'Usar el mío' }).click();
	await expect(a.locator('#f-phoneAlt')).toHaveValue('9981112222', { timeout: 10_000 });

	// The history says who changed what.
	await expect(a.locator('.history')).toContainText('Teléfono adicional');

	await agentCtx.close();
	await coordCtx.close();
});

test('/solicitar crea una preinstalación sin iniciar sesión y rechaza datos malos', async ({ page }) => {
	await page.goto('/solicitar');
	await page.getByLabel('Teléfono (10 dígitos)').fill('12');
	await page.getByRole('button', { name: 'Enviar solicitud' }).click();
	await expect(page.locator('#phone-error')).toContainText('10 dígitos');
	await page.getByLabel('Nombre completo').fill('Julio César Uc');
	await page.getByLabel('Teléfono (10 dígitos)').fill('9983334455');
	await page.getByRole('button', { name: 'Enviar solicitud' }).click();
	await expect(page.getByText('Recibimos tu solicitud')).toBeVisible();
});
