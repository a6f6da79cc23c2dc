import { test, expect, type Browser } from '@playwright/test';
import { ADMIN } from './fixtures';

// `next` as it appears in the address bar (raw query text). Each one tried to send a freshly
// signed-in user to another site through the login's redirect.
const ATTACKS = [
	'//evil.example',
	'/%5Cevil.example',
	'/\\evil.example',
	'%5C%5Cevil.example',
	'/%5C%5Cevil.example',
	'%2F%5Cevil.example',
	'/%2F%2Fevil.example',
	'///evil.example',
	'https://evil.example',
	'https:evil.example',
	'javascript:alert(document.domain)',
	'/%09/evil.example',
	'/%0A/evil.example',
	'/%0D%0A/evil.example',
	'%09//evil.example',
	'/.//evil.example',
	'/%2e//evil.example',
	'/' + 'a'.repeat(4000)
];

async function loginWithNext(browser: Browser, next: string, javaScriptEnabled: boolean) {
	const context = await browser.newContext({ javaScriptEnabled });
	// If the app ever lets the redirect out, the browser lands here instead of on a DNS error.
	await context.route(
		(url) => url.hostname.endsWith('evil.example'),
		(route) => route.fulfill({ contentType: 'text/html', body: '<h1>sitio ajeno</h1>' })
	);
	const dialogs: string[] = [];
	const page = await context.newPage();
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.goto(`/login?next=${next}`);
	await page.getByLabel('Correo electrónico').fill(ADMIN.email);
	await page.getByLabel('Contraseña').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Entrar' }).click();
	return { context, page, dialogs };
}

for (const javaScriptEnabled of [true, false]) {
	const mode = javaScriptEnabled ? 'con JavaScript' : 'sin JavaScript';

	test(`después de entrar, ningún «next» manipulado saca de la app (${mode})`, async ({ browser, baseURL }) => {
		test.setTimeout(180_000);
		const origin = new URL(baseURL!).origin;
		for (const next of ATTACKS) {
			const { context, page, dialogs } = await loginWithNext(browser, next, javaScriptEnabled);
			await expect(page, `next=${next.slice(0, 60)}`).toHaveURL(`${origin}/tablero`);
			await page.waitForLoadState('load');
			expect(new URL(page.url()).origin, `next=${next.slice(0, 60)}`).toBe(origin);
			expect(dialogs).toEqual([]);
			await context.close();
		}
	});

	test(`después de entrar, un «next» de la app se respeta (${mode})`, async ({ browser, baseURL }) => {
		const origin = new URL(baseURL!).origin;
		const { context, page } = await loginWithNext(browser, '/calendario', javaScriptEnabled);
		await expect(page).toHaveURL(`${origin}/calendario`);
		await expect(page.getByRole('link', { name: 'Calendario' })).toHaveAttribute('aria-current', 'page');
		await context.close();

		// The redirect a signed-out visit makes carries its query through the login.
		const again = await browser.newContext({ javaScriptEnabled });
		const visit = await again.newPage();
		await visit.goto('/calendario?vista=dia');
		await expect(visit).toHaveURL(/\/login\?next=%2Fcalendario%3Fvista%3Ddia$/);
		await visit.getByLabel('Correo electrónico').fill(ADMIN.email);
		await visit.getByLabel('Contraseña').fill(ADMIN.password);
		await visit.getByRole('button', { name: 'Entrar' }).click();
		await expect(visit).toHaveURL(`${origin}/calendario?vista=dia`);
		await again.close();
	});
}
