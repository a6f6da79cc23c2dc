import { test, expect, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';

const COORDINATOR = { email: 'coordinador@demo.invalid', password: 'demo-tecnico-2026' };

async function cardId(page: Page, name: string): Promise<string> {
	const id = await page.locator('[data-card-id]', { hasText: name }).first().getAttribute('data-card-id');
	expect(id).toBeTruthy();
	return id!;
}

async function version(page: Page, id: string): Promise<number> {
	const res = await page.request.get(`/api/instalaciones/${id}/tarjeta`);
	return (await res.json()).card.version;
}

function inDays(n: number): string {
	const d = new Date(Date.now() + n * 86_400_000);
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Cancun' }).format(d);
}

test('la coordinadora agenda una tarjeta hasta asignada: zona, fechas, credenciales, IP, técnico y desglose', async ({ page }) => {
	const name = 'Juan Carlos Hernández Chan';
	await login(page, COORDINATOR.email, COORDINATOR.password);
	const id = await cardId(page, name);
	await page.goto(`/instalaciones/${id}`);

	// Zone and date → billing dates and the first charge with its arithmetic.
	await page.getByRole('tab', { name: 'Agenda y cobros' }).click();
	const billing = page.getByTestId('billing-section');
	await billing.getByLabel('Zona (RB)').selectOption({ label: 'RB2 ZONA NORTE DÍA 14' });
	await billing.getByLabel('Fecha de instalación').fill(inDays(3));
	await billing.getByLabel('Hora acordada').fill('10:00');
	await billing.getByRole('button', { name: 'Guardar zona y fecha' }).click();
	await expect(billing.getByText('Desglose guardado en la instalación.')).toBeVisible();
	const breakdown = billing.getByTestId('billing-breakdown');
	await expect(breakdown).toContainText('Prorrateo');
	// With or without the installation day: whichever the provider's billing rules say (another test may change them).
	await expect(breakdown).toContainText(/días? (\((con|sin) el día de instalación\) )?× \$[\d.,]+ ÷ \d+/);
	await expect(billing.getByTestId('billing-total')).toContainText('$');
	await expect(billing.getByTestId('billing-dates')).toContainText('Fecha de pago');

	// Generated credentials, next free IP of the zone, technician.
	await page.getByRole('tab', { name: 'Conexión' }).click();
	const conn = page.getByTestId('connection-section');
	await conn.getByRole('button', { name: 'Usar valores sugeridos' }).click();
	const phone = await conn.getByLabel('Usuario PPPoE').inputValue();
	expect(phone).toMatch(/^\d{10}$/);
	await expect(conn.getByLabel('Contraseña PPPoE')).toHaveValue(`${phone}M`);
	await expect(conn.getByLabel('Contraseña Wi-Fi del router')).toHaveValue('hernandez2024MB');
	await conn.getByRole('button', { name: 'Guardar datos de conexión' }).click();
	await expect(conn.getByRole('status')).toContainText('Guardado.');
	await conn.getByRole('button', { name: 'Asignar siguiente IP libre' }).click();
	await expect(conn.getByTestId('current-ip')).toHaveText(/^10\.30\.2\.\d+$/);
	await conn.getByRole('radio', { name: /Luis Enrique Chan May/ }).check();
	await conn.getByRole('button', { name: 'Asignar técnico' }).click();
	// Over capacity or outside the zone asks for confirmation first; either way it ends assigned.
	const anyway = conn.getByRole('button', { name: 'Asignar de todos modos' });
	await expect(conn.getByText(/Técnico asignado\.|Confirma si quieres asignarlo/)).toBeVisible();
	if (await anyway.isVisible()) await anyway.click();
	await expect(conn.getByRole('status')).toContainText('Técnico asignado.');
	await expect(conn.getByRole('radio', { name: /Luis Enrique Chan May/ })).toBeChecked();

	// Documents are someone else's step: the coordinator overrides that guard with a reason; asignada needs none.
	let res = await page.request.post(`/api/instalaciones/${id}/mover`, {
		data: { toStage: 'agendada', version: await version(page, id), overrideReason: 'Documentos recibidos por WhatsApp (prueba)' }
	});
	expect(res.ok(), await res.text()).toBe(true);
	// The asignada guard is cumulative: only the documents and contact data (other issues) may still be missing,
	// never anything this screen handles (zone, date, billing, credentials, IP, plan, technician).
	const probe = await page.request.post(`/api/instalaciones/${id}/mover`, {
		data: { toStage: 'asignada', version: await version(page, id) }
	});
	if (!probe.ok()) {
		const reasons: string[] = (await probe.json()).reasons ?? [];
		expect(reasons.filter((r) => /técnico|PPPoE|IP|plan|zona|fecha|cobro|pago/i.test(r))).toEqual([]);
		res = await page.request.post(`/api/instalaciones/${id}/mover`, {
			data: { toStage: 'asignada', version: await version(page, id), overrideReason: 'Documentos recibidos por WhatsApp (prueba)' }
		});
		expect(res.ok(), await res.text()).toBe(true);
	}
	await page.goto('/tablero');
	await expect(page.locator('section[data-stage="asignada"] [data-card-id]', { hasText: name })).toBeVisible();
});

test('reprogramar en el calendario se ve en el tablero de otro navegador', async ({ browser }) => {
	const a = await (await browser.newContext()).newPage();
	const b = await (await browser.newContext()).newPage();
	await login(a, COORDINATOR.email, COORDINATOR.password);
	await login(b, ADMIN.email, ADMIN.password);
	await expect(b.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible({ timeout: 10_000 });

	await a.goto('/calendario?vista=semana');
	const job = a.locator('[data-job]').first();
	await expect(job).toBeVisible();
	const jobId = (await job.getAttribute('data-job'))!;
	const from = await job.locator('xpath=..').getAttribute('data-date');
	const tech = (await job.locator('xpath=..').getAttribute('data-tech'))!;
	const days = await a.locator('.cell[data-tech="' + tech + '"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')!));
	const to = days.find((d) => d !== from)!;
	const boardCard = b.locator(`[data-card-id="${jobId}"]`);
	const before = await boardCard.innerText();

	await job.dragTo(a.locator(`.cell[data-tech="${tech}"][data-date="${to}"]`));
	await expect(a.getByRole('status').filter({ hasText: 'Se reprogramó' })).toBeVisible();
	await expect(a.locator(`.cell[data-date="${to}"] [data-job="${jobId}"]`)).toBeVisible();

	const day = String(Number(to.slice(8)));
	await expect(boardCard).not.toHaveText(before, { timeout: 3000 });
	await expect(boardCard).toContainText(new RegExp(`\\b${day}\\b`));
	await a.context().close();
	await b.context().close();
});
