// Issue 23, item 2: the account pages the full scan cannot reach without a mailbox and an
// authenticator app (the reset link, the two-step code page, the 2FA set-up on «Mi cuenta»),
// each scanned in both languages with the same detector as i18n-scan.test.ts.
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { ADMIN, jobKeptForOffline, login } from './fixtures';
import { scan } from './i18n-detect';
import { startFakeSmtp, type FakeSmtp } from '../smtp-fake/fake';

type Lang = 'en' | 'es';
const MESSAGES: Record<Lang, Record<string, string>> = {
	es: JSON.parse(readFileSync(new URL('../../src/lib/i18n/messages/es.json', import.meta.url), 'utf8')),
	en: JSON.parse(readFileSync(new URL('../../src/lib/i18n/messages/en.json', import.meta.url), 'utf8'))
};
const OWN = 'mango tlayuda nublado 42';
let smtp: FakeSmtp;

test.beforeAll(async () => {
	// The server was started with SMTP_URL on this port (playwright.config.ts).
	smtp = await startFakeSmtp(Number(process.env.E2E_PORT ?? 3199) + 3000);
});
test.afterAll(async () => smtp?.close());

async function inLanguage(browser: Browser, lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ locale: 'es-MX', timezoneId: 'America/Cancun' });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: test.info().project.use.baseURL! }]);
	return { context, page: await context.newPage() };
}

/** The admin invites a coordinator with an email; the invitee sets a password in `lang`. */
async function newUser(admin: Page, browser: Browser, lang: Lang, email: string) {
	await admin.goto('/usuarios');
	const card = admin.getByRole('region', { name: 'Invitar por enlace' });
	await card.getByLabel('Nombre').fill('Inés Idiomas');
	await card.getByLabel('Rol').selectOption('coordinator');
	await card.getByLabel('Correo (opcional)').fill(email);
	await card.getByRole('button', { name: 'Crear invitación' }).click();
	const link = await card.getByLabel('Enlace de invitación').inputValue();
	const user = await inLanguage(browser, lang);
	await user.page.goto(link);
	await user.page.locator('input[name="password"]').fill(OWN);
	await user.page.locator('#passwordConfirm').fill(OWN);
	await user.page.getByRole('button', { name: MESSAGES[lang].invite_submit }).click();
	await expect(user.page).toHaveURL(/\/tablero/, { timeout: 45_000 });
	return user;
}

for (const lang of ['en', 'es'] as const) {
	test(`the account pages in ${lang === 'en' ? 'English show no Spanish' : 'Spanish show no English'} outside customer data`, async ({
		page,
		browser
	}) => {
		test.setTimeout(300_000);
		const t = MESSAGES[lang];
		const findings: string[] = [];
		const email = `ines.${lang}.${Date.now().toString(36)}@demo.mx`;
		await login(page, ADMIN.email, ADMIN.password);
		const user = await newUser(page, browser, lang, email);
		const u = user.page;

		// «Mi cuenta», then the two-step set-up with its QR code, then its recovery codes.
		await u.goto('/cuenta');
		await scan(u, lang, '/cuenta', findings);
		await u.getByRole('button', { name: t.account_2fa_start }).click();
		await expect(u.getByTestId('totp-secret')).toBeVisible();
		await scan(u, lang, '/cuenta (2FA set-up)', findings);
		const key = decodeBase32IgnorePadding((await u.getByTestId('totp-secret').textContent())!.replace(/\s/g, ''));
		await u.locator('#confirm-code').fill(generateTOTP(key, 30, 6));
		await u.getByRole('button', { name: t.account_2fa_confirm }).click();
		await expect(u.getByRole('list', { name: t.account_2fa_codes_title }).getByRole('listitem')).toHaveCount(10);
		await scan(u, lang, '/cuenta (recovery codes)', findings);
		await u.goto('/cuenta');
		await scan(u, lang, '/cuenta (2FA on)', findings);
		await u.getByRole('button', { name: t.auth_logout }).click();
		await expect(u).toHaveURL(/\/login/);

		// The password alone leads to the code page; a wrong code is refused in the page's language.
		await u.locator('#email').fill(email);
		await u.locator('#password').fill(OWN);
		await u.locator('button[type="submit"]').click();
		await expect(u).toHaveURL(/\/login\/codigo/, { timeout: 45_000 });
		await scan(u, lang, '/login/codigo', findings);
		await u.locator('#code').fill(generateTOTP(key, 30, 6) === '999999' ? '888888' : '999999');
		await u.locator('button[type="submit"]').click();
		await expect(u.getByRole('alert').first()).toBeVisible();
		await scan(u, lang, '/login/codigo (refused)', findings);
		await user.context.close();

		// «Forgot your password?»: the request, its answer, and the link from the email.
		const anon = await inLanguage(browser, lang);
		await anon.page.goto('/recuperar');
		await scan(anon.page, lang, '/recuperar', findings);
		await anon.page.locator('#email').fill(email);
		await anon.page.locator('button[type="submit"]').click();
		await expect(anon.page.getByRole('status')).toBeVisible();
		await scan(anon.page, lang, '/recuperar (sent)', findings);
		const mail = await smtp.waitFor(email);
		const url = /https?:\/\/\S+\/recuperar\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
		await anon.page.goto(new URL(url).pathname);
		await expect(anon.page.locator('input[type="password"]').first()).toBeVisible();
		await scan(anon.page, lang, '/recuperar/{token}', findings);
		await anon.context.close();

		expect(findings, findings.join('\n')).toEqual([]);
	});
}

for (const lang of ['en', 'es'] as const) {
	test(`the technician's offline queue in ${lang === 'en' ? 'English shows no Spanish' : 'Spanish shows no English'}`, async ({
		browser
	}) => {
		test.setTimeout(180_000);
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			hasTouch: true,
			isMobile: true,
			locale: 'es-MX',
			timezoneId: 'America/Cancun'
		});
		const page = await context.newPage();
		await login(page, 'tecnico1@demo.invalid', 'demo-tecnico-2026', /\/tecnico$/);
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: test.info().project.use.baseURL! }]);
		await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
		await page.goto('/tecnico');
		const href = (await page.locator('[data-testid="tech-job"]:not(.done)').first().getAttribute('href'))!;
		// Online once, so the service worker keeps the job page for the trip without signal.
		await page.goto(href);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await jobKeptForOffline(page, href);

		// Without signal a change waits on the phone (IndexedDB): it is never sent, the context closes.
		await context.setOffline(true);
		await page.goto('/tecnico');
		await page.locator(`a[href="${href}"]`).click();
		await expect(page).toHaveURL(new RegExp(`${href}$`));
		await page.getByLabel('DNI').fill('DNI-IDIOMAS-1');
		await page.getByRole('button', { name: MESSAGES[lang].tech_save }).click();
		await expect(page.getByTestId('sync-status')).toBeVisible();
		await expect(page.getByTestId('sync-count')).toBeVisible();
		const findings: string[] = [];
		await scan(page, lang, '/tecnico/{job} (offline, 1 queued)', findings);
		await context.close();
		expect(findings, findings.join('\n')).toEqual([]);
	});
}
