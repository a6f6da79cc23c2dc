import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getZone, saveZone } from '$lib/server/services/zones';
import { listTechnicians } from '$lib/server/services/users';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { zoneFromForm } from '$lib/schemas/zones';

export async function load({ locals, params }) {
	try {
		const db = await getDb();
		const zone = params.id === 'nueva' ? null : await getZone(db, locals.user!, params.id);
		return { zone, technicians: await listTechnicians(db, locals.user!) };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const values = formToObject(await request.formData());
		try {
			const db = await getDb();
			// Another provider's zone is "not found" before its form is even read.
			if (params.id !== 'nueva') await getZone(db, locals.user!, params.id);
			await saveZone(db, locals.user!, { ...zoneFromForm(values), id: params.id === 'nueva' ? undefined : params.id });
		} catch (err) {
			return toFail(err, values);
		}
		redirect(303, '/ajustes/zonas');
	}
};
