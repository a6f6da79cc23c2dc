import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { completePasswordReset, resetLinkUsable } from '$lib/server/services/password-reset';
import { clientIp, toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { localeFromRequest } from '$lib/i18n/locale';

export async function load({ params }) {
	return { usable: await resetLinkUsable(await getDb(), params.token) };
}

export const actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		try {
			await completePasswordReset(await getDb(), event.params.token, values, {
				ip: clientIp(event),
				locale: localeFromRequest(event.request)
			});
		} catch (err) {
			return toFail(err, values);
		}
		redirect(303, '/login?restablecida=1');
	}
};
