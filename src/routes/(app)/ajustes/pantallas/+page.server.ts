import { getDb } from '$lib/server/db';
import { createDisplay, listDisplays, revokeDisplay } from '$lib/server/services/displays';
import { displaySummaryMinutes, saveDisplaySummary } from '$lib/server/services/display-summary';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		const db = await getDb();
		return { displays: await listDisplays(db, locals.user!), summaryMinutes: await displaySummaryMinutes(db, locals.user!) };
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
	summary: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			return { summarySaved: await saveDisplaySummary(await getDb(), locals.user!, values) };
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
