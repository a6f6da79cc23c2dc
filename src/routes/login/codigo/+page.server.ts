import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth';
import { DEVICE_COOKIE, deviceCookieOptions } from '$lib/server/device-cookie';
import { CHALLENGE_COOKIE } from '$lib/server/login-challenge-cookie';
import { challengeIsLive, completeLogin } from '$lib/server/services/login-second-step';
import { clientIp, toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { homeFor, safeNextPath } from '$lib/domain/redirects';

export function load({ locals, cookies }) {
	if (locals.user) redirect(303, homeFor(locals.user.role));
	if (!challengeIsLive(cookies.get(CHALLENGE_COOKIE))) redirect(303, '/login');
}

export const actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		const meta = { ip: clientIp(event), userAgent: event.request.headers.get('user-agent'), device: event.cookies.get(DEVICE_COOKIE) };
		let result;
		try {
			result = await completeLogin(await getDb(), event.cookies.get(CHALLENGE_COOKIE), values, meta);
		} catch (err) {
			return toFail(err, values);
		}
		const secure = event.url.protocol === 'https:';
		event.cookies.delete(CHALLENGE_COOKIE, { path: '/login' });
		event.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(secure, result.session.expiresAt));
		event.cookies.set(DEVICE_COOKIE, result.device, deviceCookieOptions(secure));
		redirect(303, safeNextPath(event.url.searchParams.get('next'), '/'));
	}
};
