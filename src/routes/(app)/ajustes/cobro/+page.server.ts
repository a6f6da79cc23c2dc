import { getDb } from '$lib/server/db';
import { billingRules, saveBillingRules } from '$lib/server/services/billing-rules';
import { saveAction, toHttpError } from '$lib/server/forms';

export async function load({ locals }) {
	try {
		return await billingRules(await getDb(), locals.user!);
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = { default: saveAction(saveBillingRules) };
