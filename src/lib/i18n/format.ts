import { getLocale } from '$lib/paraglide/runtime.js';
import { INTL_LOCALE } from './locale';

/**
 * The BCP-47 tag of the reader's language for Intl: 'es-MX' or 'en-US'. Money needs none: both
 * write pesos as "$1,234.50".
 */
export const intlLocale = (): string => INTL_LOCALE[getLocale() === 'en' ? 'en' : 'es'];

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat built once per locale and options: building one costs far more than
 * using it, and a board formats a moment or two per card.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = dateTimeFormats.get(key);
	if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
	return format;
}
