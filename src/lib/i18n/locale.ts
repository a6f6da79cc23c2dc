/**
 * i18n constants and helpers that do NOT depend on the generated Paraglide
 * output (`$lib/paraglide`), so this module can be imported from
 * `vite.config.ts`, from plain Node/tsx CLIs and from code that runs outside
 * the SvelteKit request pipeline (e.g. the socket.io handshake).
 *
 * Keep these values in sync with `project.inlang/settings.json` and the
 * `paraglideVitePlugin({...})` options in vite.config.ts: `locale.spec.ts`
 * and `paraglide.spec.ts` check both.
 */

/** Supported UI locales; the first one is the default (base) locale. */
export const LOCALES = ['es', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

/** Default UI language: Spanish (Mexico). */
export const BASE_LOCALE: AppLocale = 'es';

/**
 * Cookie that stores the user's chosen language. Deliberately Paraglide's
 * default name: the `paraglide-js compile` CLI has no cookie-name flag, so
 * this keeps the CLI output and the Vite-plugin output identical.
 */
export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';

/** BCP-47 tag to use with `Intl.*` / `toLocaleString` for each UI locale. */
export const INTL_LOCALE: Record<AppLocale, string> = {
	es: 'es-MX',
	en: 'en-US'
};

/**
 * Locale resolution order used by Paraglide (vite.config.ts `strategy`, and
 * `--strategy` of `npm run i18n:compile`): the user's choice stored in the
 * cookie, then the browser's Accept-Language / navigator.languages, then
 * Spanish. No `url` strategy: URLs are the same in every language.
 */
export const LOCALE_STRATEGY = ['cookie', 'preferredLanguage', 'baseLocale'] as const;

/** Case-insensitive match of a tag (or its base language) to a supported locale. */
export function toAppLocale(value: string | null | undefined): AppLocale | undefined {
	if (!value) return undefined;
	const tag = value.trim().toLowerCase();
	for (const locale of LOCALES) if (locale === tag) return locale;
	const base = tag.split(/[-_]/)[0];
	for (const locale of LOCALES) if (locale === base) return locale;
	return undefined;
}

/** Reads `name` from a `Cookie:` header value. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | undefined {
	if (!cookieHeader) return undefined;
	for (const part of cookieHeader.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1) continue;
		if (part.slice(0, eq).trim() !== name) continue;
		const raw = part.slice(eq + 1).trim();
		try {
			return decodeURIComponent(raw);
		} catch {
			return raw;
		}
	}
	return undefined;
}

/** Best supported locale from an `Accept-Language` header (q-values respected). */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale | undefined {
	if (!header) return undefined;
	const ranked = header
		.split(',')
		.map((entry, index) => {
			const [tag = '', ...params] = entry.trim().split(';');
			const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const q = qParam ? Number(qParam.slice(2)) : 1;
			return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
		})
		.filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	for (const { tag } of ranked) {
		const locale = toAppLocale(tag);
		if (locale) return locale;
	}
	return undefined;
}

/**
 * Same resolution order as the Paraglide strategy
 * (cookie → Accept-Language → base locale), from raw header values.
 */
export function localeFromHeaders(headers: { cookie?: string | null; acceptLanguage?: string | null }): AppLocale {
	return toAppLocale(readCookie(headers.cookie, LOCALE_COOKIE)) ?? localeFromAcceptLanguage(headers.acceptLanguage) ?? BASE_LOCALE;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function headerValue(headers: HeaderBag, name: string): string | undefined {
	if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
	const value = (headers as Record<string, string | string[] | undefined>)[name];
	return Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
}

/**
 * Locale for a request: accepts a Fetch `Request` (SvelteKit) or anything with
 * Node-style lower-case `headers` (e.g. `IncomingMessage`, socket.io handshake).
 */
export function localeFromRequest(request: { headers: HeaderBag }): AppLocale {
	return localeFromHeaders({
		cookie: headerValue(request.headers, 'cookie'),
		acceptLanguage: headerValue(request.headers, 'accept-language')
	});
}
