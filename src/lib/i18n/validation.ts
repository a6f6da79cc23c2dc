import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import type { AppLocale } from './locale';

/**
 * The shared schemas (src/lib/schemas) write their messages in Spanish, and those sentences are
 * also the ids of their translations, as gettext does: every `validation_*` message is worded in
 * es.json exactly as a schema writes it, so a validation error is found by its Spanish text and
 * given in the reader's language. zod's own messages (a wrong type, say) come from zod's locales.
 */
type Message = (inputs?: Record<string, unknown>, options?: { locale?: AppLocale }) => string;

const MESSAGES: Message[] = [
	...Object.entries(m)
		.filter(([key]) => key.startsWith('validation_'))
		.map(([, fn]) => fn as Message),
	m.auth_invalid as Message,
	// Refusals of the account pages, worded as services/two-factor.ts and services/password-reset.ts write them.
	m.account_wrong_code as Message,
	m.account_reset_limited as Message,
	m.account_reset_gone as Message
];

/**
 * Parameters that name a field or a choice («Escribe {what}.») are Spanish words themselves and
 * must have their own translation; the others (numbers, variables, the provider's reason names)
 * pass as they are.
 */
const WORDED = new Set(['what', 'kinds']);

interface Pattern {
	re: RegExp;
	fn: Message;
}

let exact: Map<string, Message> | null = null;
let patterns: Pattern[] = [];

function load(): Map<string, Message> {
	if (exact) return exact;
	exact = new Map();
	// Each parameter prints as its own name, so the Spanish template can be matched back.
	const names = new Proxy({}, { get: (_, key) => `{${String(key)}}` });
	for (const fn of MESSAGES) {
		const spanish = fn(names, { locale: 'es' });
		if (!/\{\w+\}/.test(spanish)) {
			exact.set(spanish, fn);
			continue;
		}
		const source = spanish
			.split(/(\{\w+\})/)
			.map((part) => {
				const name = /^\{(\w+)\}$/.exec(part)?.[1];
				return name ? `(?<${name}>.+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('');
		patterns.push({ re: new RegExp(`^${source}$`, 's'), fn });
	}
	// Longer templates first: «El motivo «{reason}» está repetido.» before «{what} es demasiado largo.».
	patterns = patterns.sort((a, b) => b.re.source.length - a.re.source.length);
	return exact;
}

const capitalized = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** A field's name in `locale`, keeping a capital first letter where the sentence starts with it. */
function word(value: string, locale: AppLocale): string | null {
	const map = load();
	const found = map.get(value);
	if (found) return found({}, { locale });
	const lower = map.get(value.charAt(0).toLowerCase() + value.slice(1));
	return lower ? capitalized(lower({}, { locale })) : null;
}

/** A schema's Spanish message in `locale`; a sentence without a translation stays as it is. */
export function translateValidation(message: string, locale: AppLocale): string {
	if (locale === 'es') return message;
	const found = load().get(message);
	if (found) return found({}, { locale });
	for (const { re, fn } of patterns) {
		const groups = re.exec(message)?.groups;
		if (!groups) continue;
		const inputs: Record<string, string> = {};
		for (const [name, value] of Object.entries(groups)) {
			const translated = WORDED.has(name) ? word(value, locale) : value;
			if (translated === null) return message;
			inputs[name] = translated;
		}
		return fn(inputs, { locale });
	}
	return message;
}

/** Whether a Spanish message has its translation (for the spec that checks the schemas). */
export const hasValidationMessage = (message: string): boolean => load().has(message) || patterns.some(({ re }) => re.test(message));

/** The Spanish templates, parameters as `{name}` (for the spec that checks the schemas' templates). */
export const validationTemplates = (): string[] => {
	load();
	return patterns.map(({ fn }) => fn(new Proxy({}, { get: (_, key) => `{${String(key)}}` }), { locale: 'es' }));
};

const ZOD_LOCALES = { es: z.locales.es(), en: z.locales.en() };

/**
 * The error map for a parse in `locale`: zod's own messages (a wrong type, a size, a format) in the
 * reader's language. A schema's own message outranks it, and is translated by its Spanish text.
 */
export const zodErrorMap = (locale: AppLocale): z.core.$ZodErrorMap => ZOD_LOCALES[locale].localeError;
