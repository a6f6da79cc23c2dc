// Issue 23, item 1: temporary passwords, an admin's reset, invitations, password reset by email, two-factor.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP, generateTOTP } from '@oslojs/otp';
import { ADMIN, login, logout, replaceTemporaryPassword } from './fixtures';
import { startFakeSmtp, type FakeSmtp } from '../smtp-fake/fake';

const OWN = 'mango tlayuda nublado 42';
const stamp = () => Date.now().toString(36);
let smtp: FakeSmtp;

test.beforeAll(async () => {
	// The server was started with SMTP_URL on this port (playwright.config.ts).
	smtp = await startFakeSmtp(Number(process.env.E2E_PORT ?? 3199) + 3000);
});
test.afterAll(async () => smtp?.close());

async function fresh(browser: Browser): Promise<Page> {
	return (await browser.newContext()).newPage();
}

async function signIn(page: Page, email: string, password: string) {
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Entrar' }).click();
}

/** The admin invites someone from «Usuarios»; the link shown once. */
async function invite(admin: Page, who: { name: string; role: string; email?: string }): Promise<string> {
	await admin.goto('/usuarios');
	const card = admin.getByRole('region', { name: 'Invitar por enlace' });
	await card.getByLabel('Nombre').fill(who.name);
	await card.getByLabel('Rol').selectOption(who.role);
	if (who.email) await card.getByLabel('Correo (opcional)').fill(who.email);
	await card.getByRole('button', { name: 'Crear invitación' }).click();
	await expect(card.getByRole('status')).toContainText(`Invitación para ${who.name} lista`);
	await expect(card.getByRole('link', { name: 'Enviar por WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=Hola/);
	return card.getByLabel('Enlace de invitación').inputValue();
}

/** The invitee opens the link, sets a password and lands on their home, signed in. */
async function accept(page: Page, link: string, email: string | null, lands = /\/tablero/) {
	await page.goto(link);
	if (email) await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña', { exact: true }).fill(OWN);
	await page.getByLabel('Confirmar contraseña nueva').fill(OWN);
	await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
	await expect(page).toHaveURL(lands, { timeout: 45_000 });
}

test('una contraseña temporal se cambia al entrar: nada más abre hasta entonces, y una débil se rechaza con su motivo', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const email = `tere.temporal.${stamp()}@demo.mx`;
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/usuarios');
	await page.getByLabel('Nombre', { exact: true }).last().fill('Tere Temporal');
	await page.getByLabel('Correo electrónico').last().fill(email);
	await page.getByLabel('Rol', { exact: true }).last().selectOption('agent');
	await page.getByLabel('Contraseña temporal').fill('temporal-de-tere-1');
	await page.getByRole('button', { name: 'Crear usuario' }).click();
	await expect(page.getByRole('row', { name: /Tere Temporal/ })).toContainText('Contraseña temporal');

	const tere = await fresh(browser);
	await signIn(tere, email, 'temporal-de-tere-1');
	await expect(tere).toHaveURL(/\/cuenta/, { timeout: 45_000 });
	await expect(tere.getByRole('alert').filter({ hasText: 'Tu contraseña es temporal' })).toBeVisible();
	await tere.goto('/tablero');
	await expect(tere).toHaveURL(/\/cuenta/);
	const api = await tere.request.get('/api/notificaciones');
	expect(api.status()).toBe(403);
	expect((await api.json()).message).toMatch(/Cambia tu contraseña temporal/);

	await tere.getByLabel('Contraseña temporal').fill('temporal-de-tere-1');
	await tere.getByLabel('Contraseña nueva', { exact: true }).fill('password123');
	await tere.getByLabel('Confirmar contraseña nueva').fill('password123');
	await tere.getByRole('button', { name: 'Cambiar contraseña' }).click();
	await expect(tere.locator('#password-error')).toContainText('Esa contraseña es fácil de adivinar');
	await replaceTemporaryPassword(tere, 'temporal-de-tere-1', OWN);
	await tere.goto('/notificaciones');
	await expect(tere).toHaveURL(/\/notificaciones/);
	await page.reload();
	await expect(page.getByRole('row', { name: /Tere Temporal/ })).not.toContainText('Contraseña temporal');
});

test('el administrador restablece una contraseña: las sesiones abiertas de esa persona terminan y su socket se desconecta', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const email = `rocio.reset.${stamp()}@demo.mx`;
	await login(page, ADMIN.email, ADMIN.password);
	const link = await invite(page, { name: 'Rocío Restablecida', role: 'coordinator', email });
	const first = await fresh(browser);
	await accept(first, link, null);

	// A second browser of hers, on the board with its socket open.
	const second = await fresh(browser);
	const socketClosed = new Promise<void>((resolve) => {
		second.on('websocket', (ws) => {
			if (ws.url().includes('/socket.io/')) ws.on('close', () => resolve());
		});
	});
	const socketOpen = second.waitForEvent('websocket', (ws) => ws.url().includes('/socket.io/'));
	await signIn(second, email, OWN);
	await expect(second).toHaveURL(/\/tablero/, { timeout: 45_000 });
	await socketOpen;

	await page.goto('/usuarios');
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Restablecer la contraseña de Rocío Restablecida' }).click();
	const shown = page.getByRole('status').filter({ hasText: 'Nueva contraseña temporal de Rocío Restablecida' });
	await expect(shown).toBeVisible();
	const temporary = (await page.getByTestId('temp-password').textContent())!.trim();
	expect(temporary).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

	await socketClosed;
	await expect(second.getByText('Tu sesión terminó. Vuelve a iniciar sesión.')).toBeVisible();
	await second.reload();
	await expect(second).toHaveURL(/\/login/);
	await first.goto('/calendario');
	await expect(first).toHaveURL(/\/login/);

	// The temporary password works once more, and asks for her own right away.
	await signIn(first, email, temporary);
	await replaceTemporaryPassword(first, temporary, `${OWN} otra vez`);
});

test('un enlace de invitación sirve una sola vez; el administrador ve y revoca las pendientes', async ({ page, browser }) => {
	test.setTimeout(180_000);
	await login(page, ADMIN.email, ADMIN.password);
	const link = await invite(page, { name: 'Iván Invitado', role: 'technician' });
	expect(link).toMatch(/\/invitacion\/[A-Za-z0-9_-]{43}$/);
	await expect(page.getByRole('list', { name: 'Invitaciones pendientes' })).toContainText('Iván Invitado');

	const ivan = await fresh(browser);
	await accept(ivan, link, `ivan.${stamp()}@demo.mx`, /\/tecnico/);
	await page.goto('/usuarios');
	await expect(page.getByRole('row', { name: /Iván Invitado/ })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Invitaciones pendientes' })).toHaveCount(0);

	const again = await fresh(browser);
	await again.goto(link);
	await expect(again.getByRole('alert')).toHaveText(/Esta invitación ya se usó/);
	await expect(again.getByRole('button', { name: 'Crear mi cuenta' })).toHaveCount(0);

	const revoked = await invite(page, { name: 'Rita Revocada', role: 'agent' });
	await page.getByRole('button', { name: 'Revocar la invitación de Rita Revocada' }).click();
	await expect(page.getByRole('list', { name: 'Invitaciones pendientes' })).toHaveCount(0);
	await again.goto(revoked);
	await expect(again.getByRole('alert')).toHaveText(/no es válido o fue revocado/);
});

test('«¿Olvidaste tu contraseña?» envía un enlace por correo que sirve una vez y cierra las sesiones', async ({ page, browser }) => {
	test.setTimeout(180_000);
	const email = `olga.olvido.${stamp()}@demo.mx`;
	await login(page, ADMIN.email, ADMIN.password);
	const link = await invite(page, { name: 'Olga Olvido', role: 'agent', email });
	const olga = await fresh(browser);
	await accept(olga, link, null);

	const anon = await fresh(browser);
	await anon.goto('/login');
	await anon.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
	await expect(anon).toHaveURL(/\/recuperar$/);
	await anon.getByLabel('Correo electrónico').fill(email.toUpperCase());
	await anon.getByRole('button', { name: 'Enviar enlace' }).click();
	await expect(anon.getByRole('status')).toContainText('Si ese correo es de una cuenta activa');

	const mail = await smtp.waitFor(email);
	expect(mail.subject).toBe('Restablece tu contraseña');
	expect(mail.from).toContain('tablero@prueba.invalid');
	const url = /https?:\/\/\S+\/recuperar\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
	await anon.goto(url);
	await anon.getByLabel('Contraseña nueva', { exact: true }).fill('nopal cometa violeta 9');
	await anon.getByLabel('Confirmar contraseña nueva').fill('nopal cometa violeta 9');
	await anon.getByRole('button', { name: 'Guardar contraseña' }).click();
	await expect(anon).toHaveURL(/\/login\?restablecida=1/);
	await expect(anon.getByRole('status')).toContainText('Tu contraseña cambió');

	// Her open session ended; the link is spent; the new password opens the board.
	await olga.goto('/calendario');
	await expect(olga).toHaveURL(/\/login/);
	await anon.goto(url);
	await expect(anon.getByRole('alert')).toHaveText(/ya se usó o venció/);
	await signIn(anon, email, 'nopal cometa violeta 9');
	await expect(anon).toHaveURL(/\/tablero/, { timeout: 45_000 });
});

test('verificación en dos pasos: se activa con un código y se entra con un código o con un código de recuperación (una vez)', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	const email = `tomasa.totp.${stamp()}@demo.mx`;
	await login(page, ADMIN.email, ADMIN.password);
	const link = await invite(page, { name: 'Tomasa Totp', role: 'coordinator', email });
	const tomasa = await fresh(browser);
	await accept(tomasa, link, null);

	await tomasa.locator('a.account').click();
	await expect(tomasa).toHaveURL(/\/cuenta/);
	await tomasa.getByRole('button', { name: 'Activar verificación en dos pasos' }).click();
	await expect(tomasa.getByRole('img', { name: 'Código QR para tu aplicación de autenticación' }).locator('svg')).toBeVisible();
	const key = decodeBase32IgnorePadding((await tomasa.getByTestId('totp-secret').textContent())!.replace(/\s/g, ''));
	await tomasa.getByLabel('Código de 6 dígitos').fill(generateTOTP(key, 30, 6) === '000000' ? '111111' : '000000');
	await tomasa.getByRole('button', { name: 'Confirmar y activar' }).click();
	await expect(tomasa.locator('#code-error')).toContainText('El código no es correcto');
	await tomasa.getByLabel('Código de 6 dígitos').fill(generateTOTP(key, 30, 6));
	await tomasa.getByRole('button', { name: 'Confirmar y activar' }).click();
	const codes = tomasa.getByRole('list', { name: 'Códigos de recuperación' }).getByRole('listitem');
	await expect(codes).toHaveCount(10);
	const recovery = await codes.allTextContents();
	await logout(tomasa);

	// The password alone leads to the code step; the next 30-second step's code opens the board.
	await signIn(tomasa, email, OWN);
	await expect(tomasa).toHaveURL(/\/login\/codigo/, { timeout: 45_000 });
	await tomasa.getByLabel('Código').fill('123 456'.replace(/\d/g, '9'));
	await tomasa.getByRole('button', { name: 'Verificar' }).click();
	await expect(tomasa.getByRole('alert').first()).toContainText('El código no es correcto');
	await tomasa.getByLabel('Código').fill(generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + 1), 6));
	await tomasa.getByRole('button', { name: 'Verificar' }).click();
	await expect(tomasa).toHaveURL(/\/tablero/, { timeout: 45_000 });
	await logout(tomasa);

	// A recovery code works once.
	for (const attempt of ['ok', 'spent'] as const) {
		await signIn(tomasa, email, OWN);
		await expect(tomasa).toHaveURL(/\/login\/codigo/, { timeout: 45_000 });
		await tomasa.getByLabel('Código').fill(recovery[0].trim());
		await tomasa.getByRole('button', { name: 'Verificar' }).click();
		if (attempt === 'ok') {
			await expect(tomasa).toHaveURL(/\/tablero/, { timeout: 45_000 });
			await logout(tomasa);
		} else {
			await expect(tomasa.getByRole('alert').first()).toContainText('El código no es correcto o ya se usó');
		}
	}
});
