import { test, expect } from '@playwright/test';
import { ADMIN, login } from './fixtures';

const CLAUSE = 'Prueba de plantilla: el plan {{plan.nombre}} incluye soporte en sitio.';

test('la administradora edita una cláusula, la ve en la vista previa y el contrato generado la muestra', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/ajustes/contratos');
	await expect(page.getByRole('heading', { name: 'Plantillas de contrato' })).toBeVisible();

	const editor = page.getByTestId('contract-editor');
	// An unknown variable is refused with its name, and the page keeps what was typed.
	await editor.getByLabel('Texto de la cláusula 2').fill('Plan {{plan.velocidad}}.');
	await expect(editor.getByText('Variables que no existen: {{plan.velocidad}}')).toBeVisible();
	await editor.getByRole('button', { name: 'Guardar plantilla' }).click();
	await expect(editor.getByRole('alert').filter({ hasText: 'La variable {{plan.velocidad}} no existe' })).toBeVisible();
	await expect(editor.getByLabel('Texto de la cláusula 2')).toHaveValue('Plan {{plan.velocidad}}.');

	// The same clause in both contract types, so whichever the demo card has shows it.
	for (const tab of ['Contrato a 12 meses', 'Contrato indefinido']) {
		await page.getByRole('tab', { name: tab }).click();
		await editor.getByLabel('Texto de la cláusula 2').fill(CLAUSE);
		// Reordering by keyboard: clause 2 goes down and back up.
		await editor.getByRole('button', { name: 'Bajar la cláusula 2' }).press('Enter');
		await expect(editor.getByLabel('Texto de la cláusula 3')).toHaveValue(CLAUSE);
		await editor.getByRole('button', { name: 'Subir la cláusula 3' }).press('Enter');
		await expect(editor.getByLabel('Texto de la cláusula 2')).toHaveValue(CLAUSE);
		await editor.getByRole('button', { name: 'Vista previa' }).click();
		const preview = page.getByTestId('contract-preview');
		await expect(preview).toContainText('Prueba de plantilla: el plan Intermedio 120 Mbps incluye soporte en sitio.');
		await expect(preview).toContainText('4 de diciembre de 2026');
		await editor.getByRole('button', { name: 'Guardar plantilla' }).click();
		await expect(editor.getByRole('status')).toHaveText('Guardado.');
	}

	// The contract of a card that is not signed yet, as the customer would sign it in person.
	await page.goto('/tablero');
	const cardId = await page.locator('section[data-stage="agendada"] li[data-card-id]').first().getAttribute('data-card-id');
	expect(cardId).toBeTruthy();
	await page.goto(`/instalaciones/${cardId}?seccion=documentos`);
	const block = page.getByTestId('doc-contrato');
	await block.getByRole('button', { name: 'Firmar aquí' }).click();
	await expect(page.locator('.paper')).toContainText(/2\. Objeto\s*Prueba de plantilla: el plan .+ incluye soporte en sitio\./);
	await expect(page.locator('.paper')).toContainText(/lo firman el \d{1,2} de [a-z]+ de \d{4}\./);
	await expect(page.locator('.paper')).not.toContainText('{{');
});
