import { getDb } from '$lib/server/db';
import { createDisplay, listDisplays, revokeDisplay } from '$lib/server/services/displays';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		return { displays: await listDisplays(await getDb(), locals.user!) };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	create: async ({ request, locals, url }) => {
		const values = formToObject(await request.formData());
		try {
			const d = await createDisplay(await getDb(), locals.user!, values);
			// The raw token leaves the server only in this one answer.
			return { created: { name: d.name, url: `${url.origin}${d.path}` } };
		} catch (err) {
			return toFail(err, values);
		}
	},
	revoke: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			await revokeDisplay(await getDb(), locals.user!, values);
			return { revoked: true };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
