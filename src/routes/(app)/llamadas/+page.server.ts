import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { callQueue, claimNext, releaseMine } from '$lib/server/services/call-queue';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals, url }) {
	try {
		return { queue: await callQueue(await getDb(), locals.user!, { dia: url.searchParams.get('dia') ?? undefined }) };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	/** «Siguiente»: takes the next free lead and opens its card. */
	siguiente: async ({ locals }) => {
		let href: string;
		try {
			href = (await claimNext(await getDb(), locals.user!)).href;
		} catch (err) {
			return toFail(err);
		}
		redirect(303, href);
	},
	/** «Soltar»: lets go of a lead this agent took. */
	soltar: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			return { released: (await releaseMine(await getDb(), locals.user!, values)).ok };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
