import { z } from 'zod';
import { ServiceError } from './services/errors';
import { wellFormedInput } from '$lib/schemas/common';
import { zodErrorMap } from '$lib/i18n/validation';
import { currentLocale } from '$lib/i18n/translate';

/** Parses input with a shared schema or throws a 400 ServiceError with per-field Spanish messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const clean = wellFormedInput.safeParse(input);
	const result = clean.success ? schema.safeParse(input, { error: zodErrorMap(currentLocale()) }) : clean;
	if (result.success) return result.data as z.output<S>;
	const fieldErrors: Record<string, string[]> = {};
	for (const issue of result.error.issues) {
		// A posted key such as "constructor" names a field too, never an inherited one; "__proto__"
		// can't be a key at all (it would set the prototype, and SvelteKit can't serialise it).
		const key = issue.path.filter((p) => p !== '__proto__').join('.') || '_';
		if (Object.hasOwn(fieldErrors, key)) fieldErrors[key].push(issue.message);
		else fieldErrors[key] = [issue.message];
	}
	const first = result.error.issues[0]?.message ?? 'Revisa los datos del formulario.';
	throw new ServiceError(400, first, fieldErrors);
}

export function formToObject(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	// No form has a field named __proto__; assigning it would set the object's prototype instead.
	for (const [k, v] of form) if (typeof v === 'string' && k !== '__proto__') out[k] = v;
	return out;
}
