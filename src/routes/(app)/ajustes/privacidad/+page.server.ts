import { getDb } from '$lib/server/db';
import { previewPurge, purgeNow, retentionSettings, saveRetention } from '$lib/server/services/retention';
import { saveAction, toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		return await retentionSettings(await getDb(), locals.user!);
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	save: saveAction(saveRetention),
	/** The dry run: nothing is deleted, the page shows the counts and offers to confirm them. */
	preview: async ({ locals }) => {
		try {
			return { preview: await previewPurge(await getDb(), locals.user!) };
		} catch (err) {
			return toFail(err);
		}
	},
	purge: async ({ request, locals }) => {
		try {
			return { purged: await purgeNow(await getDb(), locals.user!, formToObject(await request.formData())) };
		} catch (err) {
			return toFail(err);
		}
	}
};
