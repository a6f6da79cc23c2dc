import { z } from 'zod';
import { ServiceError } from './services/errors';

/** Parses input with a shared schema or throws a 400 ServiceError with per-field Spanish messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fieldErrors: Record<string, string[]> = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.') || '_';
		(fieldErrors[key] ??= []).push(issue.message);
	}
	const first = result.error.issues[0]?.message ?? 'Revisa los datos del formulario.';
	throw new ServiceError(400, first, fieldErrors);
}

export function formToObject(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') out[k] = v;
	return out;
}
