import { AxeBuilder } from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';

export type Locale = 'es' | 'en';

/** The UI language, as the LocaleSwitch leaves it: Paraglide's cookie. */
export async function useLocale(context: BrowserContext, baseURL: string, locale: Locale) {
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL }]);
}

/** Loaded, in the language asked for (so an English run never silently checks the Spanish page). */
export async function pageIsReady(page: Page, locale: Locale) {
	await page.waitForLoadState('load');
	await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${locale}`));
	await expect(page.locator('body')).not.toBeEmpty();
}

/**
 * Runs axe-core on the page as it is now and records (softly, so one run lists every page's
 * problems) each critical or serious violation with its rule, help text and the nodes it hit.
 * `label-content-name-mismatch` is experimental in axe, so it is switched on by name: a button whose
 * spoken name doesn't contain its visible text can't be used by voice control.
 */
export async function expectAccessible(page: Page, what: string) {
	const { violations } = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
	const serious = violations
		.filter((v) => v.impact === 'critical' || v.impact === 'serious')
		.map((v) => ({
			rule: `${v.id} (${v.impact}): ${v.help}`,
			nodes: v.nodes.slice(0, 8).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`),
			more: Math.max(0, v.nodes.length - 8)
		}));
	expect.soft(serious, `axe en ${what} (${page.url()})`).toEqual([]);
	// Every page says what it is to a screen reader's outline, even where the heading isn't shown.
	expect.soft(await page.locator('h1').count(), `un h1 en ${what}`).toBeGreaterThan(0);
}
