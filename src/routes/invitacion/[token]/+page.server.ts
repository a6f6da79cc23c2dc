import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth';
import { acceptInvitation, INVITATION_GONE, openInvitation } from '$lib/server/services/invitations';
import { clientIp, toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { localeFromRequest } from '$lib/i18n/locale';
import { homeFor } from '$lib/domain/redirects';

export async function load({ params }) {
	const view = await openInvitation(await getDb(), params.token);
	return view.state === 'ok' ? { invitation: view, gone: null } : { invitation: null, gone: INVITATION_GONE[view.state] };
}

export const actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		const meta = { ip: clientIp(event), userAgent: event.request.headers.get('user-agent'), locale: localeFromRequest(event.request) };
		let result;
		try {
			result = await acceptInvitation(await getDb(), event.params.token, values, meta);
		} catch (err) {
			return toFail(err, values);
		}
		event.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(event.url.protocol === 'https:', result.session.expiresAt));
		redirect(303, homeFor(result.role));
	}
};
