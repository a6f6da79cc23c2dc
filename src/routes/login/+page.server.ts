import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth';
import { DEVICE_COOKIE, deviceCookieOptions } from '$lib/server/device-cookie';
import { login, SecondStepRequired } from '$lib/server/services/login';
import { CHALLENGE_COOKIE, challengeCookieOptions } from '$lib/server/login-challenge-cookie';
import { hasAnyUser } from '$lib/server/services/organizations';
import { clientIp, toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { homeFor, safeNextPath } from '$lib/domain/redirects';

export async function load({ locals, url }) {
	if (locals.user) redirect(303, homeFor(locals.user.role));
	if (!(await hasAnyUser((await getDb()).orm))) redirect(303, '/setup');
	return { reset: url.searchParams.has('restablecida') };
}

export const actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		const meta = { ip: clientIp(event), userAgent: event.request.headers.get('user-agent'), device: event.cookies.get(DEVICE_COOKIE) };
		const secure = event.url.protocol === 'https:';
		const next = event.url.searchParams.get('next');
		let result;
		try {
			result = await login(await getDb(), values, meta);
		} catch (err) {
			if (!(err instanceof SecondStepRequired)) return toFail(err, values);
			event.cookies.set(CHALLENGE_COOKIE, err.challenge, challengeCookieOptions(secure));
			redirect(303, `/login/codigo${next ? `?next=${encodeURIComponent(next)}` : ''}`);
		}
		event.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(secure, result.session.expiresAt));
		event.cookies.set(DEVICE_COOKIE, result.device, deviceCookieOptions(secure));
		// Without a `next`, '/' sends the new session to its role's home (homeFor).
		redirect(303, safeNextPath(next, '/'));
	}
};
