import { getDb } from '$lib/server/db';
import { followUpSettings, saveFollowUpSettings } from '$lib/server/services/follow-up-settings';
import { saveAction, toHttpError } from '$lib/server/forms';

export async function load({ locals }) {
	try {
		return await followUpSettings(await getDb(), locals.user!);
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = { default: saveAction(saveFollowUpSettings) };
