import { getDb } from '$lib/server/db';
import { listTemplates, saveTemplate } from '$lib/server/services/contract-templates';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		return { templates: await listTemplates(await getDb(), locals.user!), provider: locals.user!.orgName };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	default: async ({ locals, request }) => {
		const values = formToObject(await request.formData());
		try {
			await saveTemplate(await getDb(), locals.user!, values);
			return { saved: values.contractType };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
