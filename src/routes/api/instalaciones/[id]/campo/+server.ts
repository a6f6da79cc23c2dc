import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { updateCardField, FieldConflictError } from '$lib/server/services/card-edit';
import { jsonError } from '$lib/server/json-error';
import { readJson } from '$lib/server/card-http';

/** Autosave of one field: {field, value, baseVersion, baseValue, force?}. 409 carries both values. */
export async function PATCH({ locals, params, request }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		return json(await updateCardField(await getDb(), locals.user, params.id, await readJson(request)));
	} catch (err) {
		if (err instanceof FieldConflictError) {
			return json(
				{ message: err.message, conflict: { field: err.field, mine: err.mine, theirs: err.theirs, version: err.version } },
				{ status: 409 }
			);
		}
		return jsonError(err);
	}
}
