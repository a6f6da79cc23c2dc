import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createLead } from '$lib/server/services/leads';
import { toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	if (locals.user!.role === 'technician') error(403, 'Las preinstalaciones las capturan la oficina y los agentes.');
}

export const actions = {
	default: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		let id: string;
		try {
			id = (await createLead(await getDb(), locals.user!, values)).id;
		} catch (err) {
			return toFail(err, values);
		}
		redirect(303, values.then === 'tablero' ? '/tablero' : `/instalaciones/${id}`);
	}
};
