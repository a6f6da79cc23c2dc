import { test, expect, type Browser, type Page } from '@playwright/test';
import { ADMIN, login } from './fixtures';
import { scan } from './i18n-detect';
import { ADMIN_PAGES, AGENT_PAGES, COORDINATOR_PAGES, PUBLIC_PAGES, TECHNICIAN_PAGES, type ScanPage } from './i18n-pages';

// Both languages, truly: in English no Spanish word of the app's own text shows, and in Spanish no
// English one. Customer data (names, addresses, plans, the provider's own lists) is Spanish in
// both languages: the app marks it with `data-user` and the scan skips it.
const DEMO_PASSWORD = 'demo-tecnico-2026';
const COORDINATOR = { email: 'coordinador@demo.invalid', password: DEMO_PASSWORD };
const AGENT = { email: 'agente@demo.invalid', password: DEMO_PASSWORD };

interface Targets {
	card: string;
	zone: string;
	job: string;
	display: string;
	sign: string;
	invite: string;
}

const fill = (path: string, t: Targets) => path.replace(/\{(\w+)\}/g, (_, k: keyof Targets) => t[k]);

async function visitAll(page: Page, pages: ScanPage[], t: Targets, lang: 'en' | 'es', who: string, findings: string[], pending: string[]) {
	for (const p of pages) {
		const path = fill(p.path, t);
		const res = await page.goto(path);
		expect(res?.status(), path).toBeLessThan(400);
		await page.waitForLoadState('networkidle');
		await scan(page, lang, `${who} ${p.path}`, p.pending ? pending : findings);
	}
}

async function session(browser: Browser, lang: 'en' | 'es', who?: { email: string; password: string; lands?: RegExp }) {
	const context = await browser.newContext({ locale: 'es-MX', timezoneId: 'America/Cancun', viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	if (who) await login(page, who.email, who.password, who.lands);
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: test.info().project.use.baseURL! }]);
	return { context, page };
}

/** The links the public pages need, and the ids of a card, a zone and a technician's job. */
async function targets(page: Page, browser: Browser): Promise<Targets & { techEmail: string }> {
	await page.goto('/tablero');
	const cardLi = page.locator('section[data-stage="asignada"] li[data-card-id]').first();
	const card = (await cardLi.getAttribute('data-card-id'))!;
	await page.goto('/ajustes/zonas');
	const zone = (await page.locator('a[href^="/ajustes/zonas/"]').first().getAttribute('href'))!.split('/').pop()!;

	await page.goto('/ajustes/pantallas');
	await page.locator('input[name="name"]').fill('TV idiomas');
	await page.locator('form:has(input[name="name"]) button[type="submit"]').click();
	const display = new URL(await page.getByTestId('display-url').inputValue()).pathname;

	await page.goto(`/instalaciones/${card}`);
	await page.getByRole('tab', { name: 'Documentos' }).click();
	await page.getByTestId('doc-contrato').getByRole('button', { name: 'Generar link de firma' }).click();
	const sign = new URL(await page.getByTestId('doc-contrato').getByTestId('signing-link').inputValue()).pathname;

	await page.goto('/usuarios');
	const invitation = page.getByRole('region', { name: 'Invitar por enlace' });
	await invitation.getByLabel('Nombre').fill('Inés Idiomas');
	await invitation.getByLabel('Rol').selectOption('agent');
	await invitation.getByRole('button', { name: 'Crear invitación' }).click();
	const invite = new URL(await invitation.getByLabel('Enlace de invitación').inputValue()).pathname;

	// The first technician with a job on their list.
	for (const n of [1, 2, 3, 4]) {
		const tech = await session(browser, 'es', { email: `tecnico${n}@demo.invalid`, password: DEMO_PASSWORD, lands: /\/tecnico/ });
		const href = await tech.page
			.locator('a[href^="/tecnico/"]')
			.first()
			.getAttribute('href', { timeout: 2_000 })
			.catch(() => null);
		await tech.context.close();
		if (href) return { card, zone, display, sign, invite, job: href.split('/').pop()!, techEmail: `tecnico${n}@demo.invalid` };
	}
	throw new Error('ningún técnico de la demostración tiene trabajos');
}

for (const lang of ['en', 'es'] as const) {
	test(`every page in ${lang === 'en' ? 'English shows no Spanish' : 'Spanish shows no English'} outside customer data`, async ({
		page,
		browser
	}) => {
		test.setTimeout(600_000);
		await login(page, ADMIN.email, ADMIN.password);
		const t = await targets(page, browser);
		const findings: string[] = [];
		const pending: string[] = [];

		// The admin switches with the header's language button, as a person would.
		if (lang === 'en') {
			await page.goto('/tablero');
			await page.getByRole('button', { name: 'English' }).click();
			await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
		}
		await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: test.info().project.use.baseURL! }]);
		await visitAll(page, ADMIN_PAGES, t, lang, 'admin', findings, pending);

		for (const [who, account, pages, lands] of [
			['coordinator', COORDINATOR, COORDINATOR_PAGES, /\/tablero/],
			['agent', AGENT, AGENT_PAGES, /\/tablero/],
			['technician', { email: t.techEmail, password: DEMO_PASSWORD }, TECHNICIAN_PAGES, /\/tecnico/]
		] as const) {
			const s = await session(browser, lang, { ...account, lands });
			await visitAll(s.page, pages, t, lang, who, findings, pending);
			await s.context.close();
		}
		const anon = await session(browser, lang);
		await visitAll(anon.page, PUBLIC_PAGES, t, lang, 'public', findings, pending);
		// A failed sign-in: the server's refusal in the page's language.
		await anon.page.goto('/login');
		await anon.page.locator('#email').fill('nadie@demo.invalid');
		await anon.page.locator('#password').fill('mal');
		await anon.page.locator('button[type="submit"]').click();
		await expect(anon.page.getByRole('alert').first()).toBeVisible();
		await scan(anon.page, lang, 'public /login (refused)', findings);
		await anon.context.close();

		if (pending.length) console.log(`${pending.length} texts on pages still pending translation:\n${pending.join('\n')}`);
		expect(findings, findings.join('\n')).toEqual([]);
	});
}
