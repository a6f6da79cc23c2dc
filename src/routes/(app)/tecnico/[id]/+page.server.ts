import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { completeJob, getJob, saveJobFields } from '$lib/server/services/technician';
import { createLink } from '$lib/server/services/signing';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals, params }) {
	try {
		return { job: await getJob(await getDb(), locals.user!, params.id) };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	campos: async ({ request, locals, params }) => {
		const values = formToObject(await request.formData());
		try {
			return { saved: await saveJobFields(await getDb(), locals.user!, params.id, values) };
		} catch (err) {
			return toFail(err, values);
		}
	},
	completar: async ({ locals, params }) => {
		try {
			const res = await completeJob(await getDb(), locals.user!, params.id);
			if (!res.ok) return fail(422, { message: res.message, reasons: res.reasons, errors: {} });
			return { completed: res };
		} catch (err) {
			return toFail(err);
		}
	},
	firmar: async ({ locals, params }) => {
		// Option B: the customer signs the installation sheet on this phone through the signing page.
		let path: string;
		try {
			const db = await getDb();
			// The technician's own job only; the office sends links from the card instead.
			await getJob(db, locals.user!, params.id);
			path = (await createLink(db, locals.user!, params.id, { kind: 'hoja_instalacion' })).path;
		} catch (err) {
			return toFail(err);
		}
		redirect(303, path);
	}
};
