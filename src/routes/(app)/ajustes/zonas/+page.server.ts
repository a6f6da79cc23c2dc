import { getDb } from '$lib/server/db';
import { deleteZone, listZones } from '$lib/server/services/zones';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		return { zones: await listZones(await getDb(), locals.user!) };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	delete: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			await deleteZone(await getDb(), locals.user!, values.id);
			return { deleted: true };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
