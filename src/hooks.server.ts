import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from '$lib/server/auth';
import { exposeRealtime } from '$lib/server/realtime';
import { i18nHandle } from '$lib/server/i18n';

export const init: ServerInit = async () => {
	await getDb();
	// The production server (src/server/index.js) attaches socket.io through this.
	exposeRealtime();
};

const handleAuth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const db = await getDb();
		const result = await validateSessionToken(db.orm, token);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			event.cookies.set(
				SESSION_COOKIE,
				token,
				sessionCookieOptions(event.url.protocol === 'https:', result.session.expiresAt)
			);
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=()');
	return response;
};

export const handle = sequence(i18nHandle, handleHeaders, handleAuth);
