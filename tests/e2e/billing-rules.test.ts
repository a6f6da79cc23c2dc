import { test, expect, type Locator, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';

// Issue 18: plan $350 (demo «Básico 60 Mbps»), a zone with payment day 1, installation $1,200.
const ZONE = 'RB9 PRUEBA DÍA 1';
const CUSTOMER = 'Rosa Cobro Prueba';

interface Rules {
	divisor:
		'30 días, siempre' | 'Los días del mes calendario (28 a 31)' | 'Los días del periodo de facturación (de fecha de pago a fecha de pago)';
	chargeDay: boolean;
	fullMonth: string;
	skipFrom: string;
}

async function setRules(page: Page, r: Rules) {
	await page.goto('/ajustes/cobro');
	const form = page.getByTestId('billing-rules');
	await form.getByLabel(r.divisor).check();
	await form.getByLabel('Se cobra el día de la instalación').setChecked(r.chargeDay);
	await form.getByLabel(/hasta el día…: se cobra el mes completo/).fill(r.fullMonth);
	await form.getByLabel(/desde el día…: nada ahora/).fill(r.skipFrom);
	await form.getByLabel(/A pesos enteros/).check();
	await form.getByRole('button', { name: 'Guardar' }).click();
	await expect(form.getByRole('status')).toHaveText('Ajustes guardados.');
}

/** Sets the zone and installation date on the card; the billing section then shows that date's first charge. */
async function installOn(page: Page, id: string, date: string) {
	// The card opens on the tab its stage needs; «Agenda y cobros» is one link away.
	await page.goto(`/instalaciones/${id}?seccion=agenda`);
	const billing = page.getByTestId('billing-section');
	await billing.getByLabel('Zona (RB)').selectOption({ label: ZONE });
	await billing.getByLabel('Fecha de instalación').fill(date);
	await billing.getByRole('button', { name: 'Guardar zona y fecha' }).click();
	await expect(billing.getByRole('status')).toHaveText('Guardado.');
	// The installation date shows once on the card (the field above); the dates list follows from it.
	await expect(billing.getByLabel('Fecha de instalación')).toHaveValue(date);
	await expect(billing.getByTestId('billing-dates')).toContainText('Fecha de pago');
	return billing;
}

/** The sheet's «Total a cobrar al instalar» row's value. */
const total = (sheet: Locator) => sheet.getByRole('row', { name: /Total a cobrar al instalar/ }).getByRole('cell');

async function sheet(page: Page, id: string) {
	await page.goto(`/instalaciones/${id}/hoja`);
	return page.getByTestId('sheet');
}

test('reglas de cobro: se fijan en Ajustes y la tarjeta y la hoja calculan los cuatro casos; la promoción elegida en la llamada deja la instalación en $0', async ({
	page
}) => {
	test.setTimeout(180_000);
	await login(page, ADMIN.email, ADMIN.password);

	// A zone that charges on the 1st.
	await page.goto('/ajustes/zonas/nueva');
	await page.getByLabel('Nombre', { exact: true }).fill(ZONE);
	await page.getByLabel('Día de pago').fill('1');
	await page.getByLabel('Rangos de IP (CIDR)').fill('10.99.1.0/24');
	await page.getByRole('button', { name: 'Guardar' }).click();
	await expect(page).toHaveURL(/\/ajustes\/zonas$/);

	// Bad rules are refused next to the field and nothing is saved.
	await page.goto('/ajustes/cobro');
	const form = page.getByTestId('billing-rules');
	await form.getByLabel(/hasta el día…: se cobra el mes completo/).fill('10');
	await form.getByLabel(/desde el día…: nada ahora/).fill('8');
	await form.getByRole('button', { name: 'Guardar' }).click();
	await expect(form.getByRole('alert').first()).toContainText('debe ser mayor que el día hasta el que se cobra el mes completo (10)');
	await page.reload();
	await expect(page.getByLabel(/hasta el día…: se cobra el mes completo/)).toHaveValue('');

	// Days 1–5 → full month; day ≥ 26 → nothing now; otherwise ÷ 30, installation day charged, whole pesos.
	await setRules(page, { divisor: '30 días, siempre', chargeDay: true, fullMonth: '5', skipFrom: '26' });
	await page.reload();
	await expect(page.getByLabel('30 días, siempre')).toBeChecked();
	await expect(page.getByLabel(/hasta el día…: se cobra el mes completo/)).toHaveValue('5');
	await expect(page.getByLabel(/desde el día…: nada ahora/)).toHaveValue('26');

	// A new lead with the $350 plan in that zone.
	await page.goto('/instalaciones/nueva');
	await page.getByLabel('Nombre completo').fill(CUSTOMER);
	await page.getByLabel('Teléfono principal').fill('9981112233');
	await page.getByRole('button', { name: 'Crear tarjeta', exact: true }).click();
	await expect(page).toHaveURL(/\/instalaciones\/[0-9a-f-]{36}$/);
	const id = page.url().split('/').pop()!;
	// The call's tab (the card's first in «Preinstalación») has the plan beside the script.
	await page.getByRole('tabpanel', { name: 'Llamada' }).getByLabel('Plan de internet').selectOption({ label: 'Básico 60 Mbps · $350.00' });
	await expect(page.locator('[data-field="planId"]')).toContainText('Guardado');

	// Mar 3, days 1–5 → full month: $350 now.
	let b = await installOn(page, id, '2027-03-03');
	await expect(b.getByTestId('billing-breakdown')).toContainText('Instalada el día 3 (días 1–5): mes completo, $350.00');
	await expect(b.getByTestId('billing-total')).toHaveText('$1,550.00');
	let s = await sheet(page, id);
	await expect(s).toContainText('Mensualidad completa');
	await expect(s).toContainText('Instalada el día 3 (días 1–5): mes completo');
	await expect(total(s)).toHaveText('$1,550.00');

	// Aug 27, day ≥ 26 → nothing now, first full month on Sep 1.
	b = await installOn(page, id, '2027-08-27');
	await expect(b.getByTestId('billing-breakdown')).toContainText(
		'Instalada el día 27 (día 26 en adelante): nada ahora; la primera mensualidad completa se paga el 1 sep 2027.'
	);
	await expect(b.getByTestId('billing-dates')).toContainText('1 sep 2027');
	await expect(b.getByTestId('billing-total')).toHaveText('$1,200.00');
	s = await sheet(page, id);
	await expect(s).toContainText('nada ahora; la primera mensualidad completa se paga el 1 sep 2027');
	await expect(total(s)).toHaveText('$1,200.00');

	// Jul 15, ÷ 30: 17 días × $350 ÷ 30 = $198.33 → $198.
	b = await installOn(page, id, '2027-07-15');
	await expect(b.getByTestId('billing-breakdown')).toContainText('17 días (con el día de instalación) × $350.00 ÷ 30 = $198.33 → $198.00');
	await expect(b.getByTestId('billing-total')).toHaveText('$1,398.00');
	s = await sheet(page, id);
	await expect(s).toContainText('17 días (con el día de instalación) × $350.00 ÷ 30 = $198.33 → $198.00');
	await expect(total(s)).toHaveText('$1,398.00');

	// Jun 15, installation day not charged, ÷ days of the month: 15 × 350 ÷ 30 = $175.
	await setRules(page, { divisor: 'Los días del mes calendario (28 a 31)', chargeDay: false, fullMonth: '5', skipFrom: '26' });
	b = await installOn(page, id, '2027-06-15');
	await expect(b.getByTestId('billing-breakdown')).toContainText(
		'15 días (sin el día de instalación) × $350.00 ÷ 30 (días de junio) = $175.00'
	);
	await expect(b.getByTestId('billing-total')).toHaveText('$1,375.00');
	s = await sheet(page, id);
	await expect(s).toContainText('15 días (sin el día de instalación) × $350.00 ÷ 30 (días de junio) = $175.00');
	await expect(total(s)).toHaveText('$1,375.00');

	// The agent's choice on the call: free installation. Script, card and sheet agree.
	await page.goto(`/instalaciones/${id}?seccion=llamada`);
	const costs = page.getByTestId('costs');
	await expect(costs.getByTestId('call-first-charge')).toContainText('Al instalar paga $1,375.00');
	await costs.getByLabel(/El cliente toma la promoción/).check();
	await expect(costs.locator('[data-field="promotionFreeInstallation"]')).toContainText('Guardado');
	await expect(costs.getByTestId('costs-sentence')).toHaveText(
		'Con la promoción: instalación GRATIS (normalmente $1,200.00) + primera mensualidad $350.00 = $350.00.'
	);
	await expect(costs.getByTestId('call-first-charge')).toContainText('Al instalar paga $175.00: Instalación gratis (promoción) $0.00');
	await page.getByRole('tab', { name: 'Agenda y cobros' }).click();
	await expect(page.getByTestId('billing-breakdown')).toContainText('Instalación gratis (promoción)');
	await expect(page.getByTestId('billing-total')).toHaveText('$175.00');
	s = await sheet(page, id);
	await expect(s).toContainText('$0.00 (gratis por promoción; costo normal $1,200.00)');
	await expect(total(s)).toHaveText('$175.00');
});
