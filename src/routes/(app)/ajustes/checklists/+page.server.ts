import { getDb } from '$lib/server/db';
import { checklistTemplatesFor, saveChecklistTemplate } from '$lib/server/services/checklists';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		return { templates: await checklistTemplatesFor(await getDb(), locals.user!) };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	default: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			await saveChecklistTemplate(await getDb(), locals.user!, values);
			return { saved: true, id: values.id ?? '' };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
