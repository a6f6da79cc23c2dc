import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth';
import { login } from '$lib/server/services/login';
import { hasAnyUser } from '$lib/server/services/organizations';
import { clientIp, toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { safeNextPath } from '$lib/domain/redirects';

export async function load({ locals }) {
	if (locals.user) redirect(303, '/tablero');
	if (!(await hasAnyUser((await getDb()).orm))) redirect(303, '/setup');
}

export const actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		let result;
		try {
			result = await login(await getDb(), values, { ip: clientIp(event), userAgent: event.request.headers.get('user-agent') });
		} catch (err) {
			return toFail(err, values);
		}
		event.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(event.url.protocol === 'https:', result.session.expiresAt));
		redirect(303, safeNextPath(event.url.searchParams.get('next')));
	}
};
