import { getLocale } from '$lib/paraglide/runtime.js';
import type { Coded, CodedParam } from '$lib/domain/coded';
import { CODED_MESSAGES } from './codes';
import { INTL_LOCALE, type AppLocale } from './locale';
import { formatDateIn } from '$lib/domain/dates';

type MessageFn = (inputs: Record<string, string>, options: { locale: AppLocale }) => string;

const QUOTES: Record<AppLocale, [string, string]> = { es: ['«', '»'], en: ['“', '”'] };
const OR: Record<AppLocale, string> = { es: ' o ', en: ' or ' };

/** The reader's language: the page's in the browser, the request's on the server. */
export const currentLocale = (): AppLocale => (getLocale() === 'en' ? 'en' : 'es');

function param(value: CodedParam, locale: AppLocale): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) {
		const [open, close] = QUOTES[locale];
		return (value as readonly Coded[]).map((item) => `${open}${translate(item, locale)}${close}`).join(OR[locale]);
	}
	return translate(value as Coded, locale);
}

const monthNames = new Map<AppLocale, Intl.DateTimeFormat>();

/** Inputs written by Intl rather than by a message (domain/coded.ts `codedDate`, `codedMonth`). */
const FORMATS: Record<string, (params: Readonly<Record<string, CodedParam>>, locale: AppLocale) => string | undefined> = {
	date: (p, locale) => (typeof p.date === 'string' ? formatDateIn(p.date, INTL_LOCALE[locale]) : undefined),
	month: (p, locale) => {
		if (typeof p.month !== 'number') return undefined;
		let f = monthNames.get(locale);
		if (!f) monthNames.set(locale, (f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'long', timeZone: 'UTC' })));
		return f.format(Date.UTC(2000, p.month - 1, 1));
	}
};

/**
 * The words for a coded message in `locale` (the reader's language when omitted). A plain string
 * passes through, so callers may hand over what an older server or a third party sent; an
 * unknown code shows its `fallback`, or the code itself rather than nothing.
 */
export function translate(message: Coded | string | null | undefined, locale: AppLocale = currentLocale(), fallback?: string): string {
	if (message == null) return fallback ?? '';
	if (typeof message === 'string') return message;
	const formatted = FORMATS[message.code]?.(message.params ?? {}, locale);
	if (formatted !== undefined) return formatted;
	const fn = (CODED_MESSAGES as unknown as Record<string, MessageFn>)[message.code];
	if (!fn) return fallback ?? message.code;
	const inputs: Record<string, string> = {};
	for (const [name, value] of Object.entries(message.params ?? {})) inputs[name] = param(value, locale);
	return fn(inputs, { locale });
}

/** Whether `code` names a message, for specs and for callers that build codes from data. */
export const hasCode = (code: string): boolean => Object.hasOwn(CODED_MESSAGES, code);
