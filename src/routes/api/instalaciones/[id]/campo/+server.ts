import { json } from '@sveltejs/kit';
import { updateCardField, FieldConflictError } from '$lib/server/services/card-edit';
import { endpoint } from '$lib/server/http/endpoint';

/** Autosave of one field: {field, value, baseVersion, baseValue, force?}. 409 carries both values. */
export const PATCH = endpoint({ body: true }, async ({ db, user, params, body }) => {
	try {
		return await updateCardField(db, user, params.id, body);
	} catch (err) {
		if (!(err instanceof FieldConflictError)) throw err;
		return json(
			{ message: err.message, conflict: { field: err.field, mine: err.mine, theirs: err.theirs, version: err.version } },
			{ status: 409 }
		);
	}
});
