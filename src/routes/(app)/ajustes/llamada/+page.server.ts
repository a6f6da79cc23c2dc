import { getDb } from '$lib/server/db';
import { getOrg } from '$lib/server/services/settings';
import { saveCallSettings } from '$lib/server/services/settings-card';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		return { org: await getOrg(await getDb(), locals.user!) };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	default: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			await saveCallSettings(await getDb(), locals.user!, values);
			return { saved: true };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
