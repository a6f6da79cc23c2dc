import { getDb } from '$lib/server/db';
import { getOrg } from '$lib/server/services/settings';
import { saveCancelReasons } from '$lib/server/services/settings-card';
import { saveAction, toHttpError } from '$lib/server/forms';

export async function load({ locals }) {
	try {
		return { org: await getOrg(await getDb(), locals.user!) };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = { default: saveAction(saveCancelReasons) };
