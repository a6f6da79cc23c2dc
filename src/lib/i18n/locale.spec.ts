import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_LOCALE, LOCALE_COOKIE, LOCALES, localeFromAcceptLanguage, localeFromRequest, readCookie, toAppLocale } from './locale';

const readJson = (relative: string) => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as Record<string, unknown>;

const messageKeys = (file: Record<string, unknown>) =>
	Object.keys(file)
		.filter((key) => key !== '$schema')
		.sort();

describe('inlang project', () => {
	it('settings.json matches locale.ts and loads its plugin from node_modules (no CDN)', () => {
		const settings = readJson('./project.inlang/settings.json');
		expect(settings.baseLocale).toBe(BASE_LOCALE);
		expect(settings.locales).toEqual([...LOCALES]);
		const modules = settings.modules as string[];
		expect(modules.length).toBeGreaterThan(0);
		for (const module of modules) {
			expect(module).not.toMatch(/^https?:/);
			// resolved like the inlang SDK does: relative to the folder that holds project.inlang
			expect(() => readFileSync(new URL(`./${module}`, import.meta.url))).not.toThrow();
		}
	});

	it('every locale file has exactly the same non-empty keys (snake_case; field names may keep their camelCase)', () => {
		const files = LOCALES.map((locale) => readJson(`./messages/${locale}.json`));
		const [first, ...rest] = files.map(messageKeys);
		expect(first.length).toBeGreaterThan(0);
		for (const keys of rest) expect(keys).toEqual(first);
		for (const file of files) {
			for (const key of first) {
				expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-zA-Z0-9]+)+$/);
				expect(typeof file[key], key).toBe('string');
				expect((file[key] as string).trim(), key).not.toBe('');
			}
		}
		// the same {placeholders} in every language
		const params = (text: string) => [...text.matchAll(/(?<!\\)\{\s*(\w+)\s*\}/g)].map((x) => x[1]).sort();
		for (const key of first) {
			const [base, ...others] = files.map((file) => params(file[key] as string));
			for (const other of others) expect(other, key).toEqual(base);
		}
	});
});

describe('localeFromRequest', () => {
	const req = (headers: Record<string, string>) => new Request('http://localhost/', { headers });

	it('prefers the cookie, then Accept-Language, then Spanish', () => {
		expect(localeFromRequest(req({}))).toBe('es');
		expect(localeFromRequest(req({ 'accept-language': 'en-US,en;q=0.9' }))).toBe('en');
		expect(localeFromRequest(req({ 'accept-language': 'fr-FR, es-MX;q=0.8, en;q=0.5' }))).toBe('es');
		expect(localeFromRequest(req({ 'accept-language': 'en', cookie: `a=1; ${LOCALE_COOKIE}=es; b=2` }))).toBe('es');
		expect(localeFromRequest(req({ 'accept-language': 'es', cookie: `${LOCALE_COOKIE}=en` }))).toBe('en');
		// an unsupported cookie value is ignored
		expect(localeFromRequest(req({ 'accept-language': 'en', cookie: `${LOCALE_COOKIE}=de` }))).toBe('en');
	});

	it('accepts Node-style header objects (IncomingMessage, socket.io handshake)', () => {
		expect(localeFromRequest({ headers: { cookie: `${LOCALE_COOKIE}=en` } })).toBe('en');
		expect(localeFromRequest({ headers: { 'accept-language': 'de-DE,en;q=0.4' } })).toBe('en');
		expect(localeFromRequest({ headers: {} })).toBe('es');
	});

	it('normalizes tags and q-values', () => {
		expect(toAppLocale('ES-mx')).toBe('es');
		expect(toAppLocale('en_GB')).toBe('en');
		expect(toAppLocale('pt')).toBeUndefined();
		expect(localeFromAcceptLanguage('en;q=0, es;q=0.1')).toBe('es');
		expect(localeFromAcceptLanguage('*')).toBeUndefined();
		expect(readCookie('x=1;  PARAGLIDE_LOCALE = en ', LOCALE_COOKIE)).toBe('en');
	});
});
