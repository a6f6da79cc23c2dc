import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requestPasswordReset, resetAvailable } from '$lib/server/services/password-reset';
import { clientIp, toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { homeFor } from '$lib/domain/redirects';

export function load({ locals }) {
	if (locals.user) redirect(303, homeFor(locals.user.role));
	return { available: resetAvailable() };
}

export const actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		try {
			return { sent: await requestPasswordReset(await getDb(), values, { ip: clientIp(event), origin: event.url.origin }) };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
