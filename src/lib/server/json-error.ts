import { json } from '@sveltejs/kit';
import { ServiceError } from './services/errors';

/** JSON endpoints answer a refusal with its Spanish sentence and field errors; bugs stay bugs. */
export function jsonError(err: unknown): Response {
	if (err instanceof ServiceError) return json({ message: err.message, errors: err.fieldErrors }, { status: err.status });
	throw err;
}
