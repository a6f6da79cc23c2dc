import { json } from '@sveltejs/kit';
import { refusalOf } from './services/errors';

/** JSON endpoints answer a refusal with its Spanish sentence and field errors; bugs stay bugs. */
export function jsonError(err: unknown): Response {
	const refusal = refusalOf(err);
	if (refusal) return json({ message: refusal.message, errors: refusal.fieldErrors }, { status: refusal.status });
	throw err;
}
