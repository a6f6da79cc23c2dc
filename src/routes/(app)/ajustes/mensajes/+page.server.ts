import { getDb } from '$lib/server/db';
import { messageSettings, saveMessageTexts } from '$lib/server/services/message-settings';
import { saveAction, toHttpError } from '$lib/server/forms';

export async function load({ locals }) {
	try {
		return await messageSettings(await getDb(), locals.user!);
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = { default: saveAction(saveMessageTexts) };
