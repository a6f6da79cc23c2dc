import type { Coded } from '$lib/domain/coded';
import { currentLocale, translate } from '$lib/i18n/translate';
import { translateValidation } from '$lib/i18n/validation';

/**
 * A refusal the user can act on; `message` is always a Spanish sentence. It lives below the
 * services so that the database modules, the PDF engine and the file store can refuse too
 * without importing a service. Given as a message code (domain/coded.ts), it keeps the code in
 * `coded` so the reader gets it in their own language, and `message` holds its Spanish words.
 */
export class ServiceError extends Error {
	readonly coded?: Coded;
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503,
		message: string | Coded,
		readonly fieldErrors: Record<string, string[]> = {}
	) {
		super(typeof message === 'string' ? message : translate(message, 'es'));
		if (typeof message !== 'string') this.coded = message;
		this.name = 'ServiceError';
	}
}

/**
 * A refusal's sentence and field errors in the reader's language (the request's, on the server):
 * a coded message by its code, a schema's Spanish message by its text (i18n/validation.ts).
 */
export function inReadersLanguage(refusal: ServiceError): { message: string; errors: Record<string, string[]> } {
	const locale = currentLocale();
	const errors: Record<string, string[]> = {};
	for (const [field, list] of Object.entries(refusal.fieldErrors)) errors[field] = list.map((t) => translateValidation(t, locale));
	return { message: refusal.coded ? translate(refusal.coded, locale) : translateValidation(refusal.message, locale), errors };
}
