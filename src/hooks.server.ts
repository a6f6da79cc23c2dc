import { json, redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { isConnectionError, noteDatabaseFailure, outage, outageStatus } from '$lib/server/db/outage';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb } from '$lib/server/db';
import { MUST_CHANGE_PASSWORD, SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from '$lib/server/auth';
import { exposeRealtime } from '$lib/server/realtime';
import { i18nHandle } from '$lib/server/i18n';
import { cardInScope } from '$lib/server/services/cards';
import { installFaultHandlers } from '$lib/server/process-faults';
import { startSyncWorker } from '$lib/server/services/wisphub-sync';
import { startWhatsAppWorker } from '$lib/server/services/whatsapp-outbox';
import { startNotifyScanner } from '$lib/server/services/notify-scanner';
import { startRetentionWorker } from '$lib/server/services/retention';
import { clientIp } from '$lib/server/forms';
import { localeFromRequest } from '$lib/i18n/locale';
import { getLog } from '$lib/server/log';
import { handleRequest } from '$lib/server/http/request-hook';
import { moveLinkHeaderIntoHead } from '$lib/server/http/preload-links';
import { tileSource } from '$lib/server/map-tiles';
import { allowTileImages } from '$lib/domain/map-tiles';

const ACCOUNT_ROUTE = '/(app)/cuenta';

export const init: ServerInit = async () => {
	installFaultHandlers();
	const db = await getDb();
	// Sends queued installations to WispHub (a provider with the integration off queues nothing).
	if (process.env.WISPHUB_WORKER !== 'off') startSyncWorker(db);
	// Sends the messages queued for the WhatsApp Cloud API (only providers that connected it queue any).
	if (process.env.WHATSAPP_WORKER !== 'off') startWhatsAppWorker(db);
	// Notices time brings (a card passing its stage's limit, a callback coming due).
	if (process.env.NOTIFY_WORKER !== 'off') startNotifyScanner(db);
	// Deletes old ID images of cancelled cards, for providers that switched the rule on (Ajustes → Privacidad).
	if (process.env.RETENTION_WORKER !== 'off') startRetentionWorker(db);
	// The production server (src/server/index.js) attaches socket.io through this.
	exposeRealtime();
};

const OUTAGE_MESSAGE = 'La base de datos no responde en este momento. Intenta de nuevo en unos segundos.';

function outageResponse(event: RequestEvent): Response {
	const wantsJson = event.url.pathname.startsWith('/api/') || event.request.headers.get('accept')?.includes('application/json');
	if (wantsJson) return json({ message: OUTAGE_MESSAGE }, { status: 503, headers: { 'retry-after': '5' } });
	return new Response(
		`<!doctype html><html lang="es-MX"><meta charset="utf-8"><title>Servicio no disponible</title><body style="font-family:system-ui,sans-serif;padding:2rem"><h1>Servicio no disponible</h1><p>${OUTAGE_MESSAGE}</p></body></html>`,
		{ status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5' } }
	);
}

/**
 * During a database outage, answer 503 right away (health checks still run). A request the
 * connection drops under is a 503 too, whether a hook threw or the route did.
 */
const handleOutage: Handle = async ({ event, resolve }) => {
	if (outage.down && event.url.pathname !== '/healthz' && !(await outage.check(await getDb()))) return outageResponse(event);
	try {
		return outageStatus(event.request, await resolve(event));
	} catch (err) {
		if (!isConnectionError(err)) throw err;
		outage.markDown();
		return outageResponse(event);
	}
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (isConnectionError(error)) {
		outage.markDown();
		noteDatabaseFailure(event.request);
		return { message: OUTAGE_MESSAGE };
	}
	// SvelteKit's own refusals (a malformed address, an unknown route) are the client's, not a crash.
	if (status === 404) return { message: 'Revisa la dirección, o vuelve al inicio.' };
	if (status < 500) return { message: 'La dirección o los datos de la solicitud no son válidos. Revisa el enlace e inténtalo de nuevo.' };
	getLog().error(
		{ err: error, requestId: event.locals.requestId, method: event.request.method, route: event.route.id },
		'Error inesperado'
	);
	return { message: 'Algo salió mal de nuestro lado. Intenta de nuevo; si se repite, avisa al administrador.' };
};

const handleAuth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const db = await getDb();
		let result;
		try {
			result = await validateSessionToken(db, token);
		} catch (err) {
			if (!isConnectionError(err)) throw err;
			outage.markDown();
			return json({ message: OUTAGE_MESSAGE }, { status: 503, headers: { 'retry-after': '5' } });
		}
		if (result) {
			// The language this request is read in (the UI's cookie, then the browser's), for text the server writes.
			event.locals.user = { ...result.user, ip: clientIp(event), locale: localeFromRequest(event.request) };
			event.locals.session = result.session;
			event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url.protocol === 'https:', result.session.expiresAt));
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

/**
 * Signed-in only, checked once for every route of the app group and every /api endpoint, so a
 * form action or endpoint can never run without a session (SvelteKit runs actions without the
 * layout's load). Pages redirect to the login; everything else gets a JSON 401.
 */
const handleGuard: Handle = async ({ event, resolve }) => {
	const id = event.route.id ?? '';
	// Client-side navigations (data requests) get the layout load's redirect, which the router understands.
	// Meta's webhook is public: it proves itself with the app secret's signature (services/whatsapp-webhook.ts).
	const publicApi = id === '/api/whatsapp/webhook';
	if (!event.locals.user && !event.isDataRequest && !publicApi && (id.startsWith('/(app)') || id.startsWith('/api/'))) {
		const isPage = event.request.method === 'GET' && !id.startsWith('/api/') && !event.request.headers.get('x-sveltekit-action');
		if (isPage) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
		return json({ message: 'Inicia sesión para continuar.' }, { status: 401 });
	}
	// A temporary password opens «Mi cuenta» only (the layout's load redirects client-side navigations).
	if (event.locals.user?.mustChangePassword && (id.startsWith('/(app)') || id.startsWith('/api/')) && !id.startsWith(ACCOUNT_ROUTE)) {
		const isPage = event.request.method === 'GET' && !id.startsWith('/api/') && !event.request.headers.get('x-sveltekit-action');
		if (isPage && !event.isDataRequest) redirect(303, '/cuenta');
		if (!event.isDataRequest) return json({ message: MUST_CHANGE_PASSWORD }, { status: 403 });
	}
	// Every card endpoint answers "not found" for a card of another provider, or one a technician
	// isn't assigned to, before its body is read or its role rules run.
	if (event.locals.user && id.startsWith('/api/instalaciones/[id]') && event.params.id) {
		const card = await cardInScope(await getDb(), event.locals.user, event.params.id);
		if (!card) return json({ message: 'Esa instalación no existe o no tienes acceso a ella.' }, { status: 404 });
	}
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	// The public request form may be embedded in the provider's own website (Ajustes shows the
	// snippet); every other page refuses to be framed.
	if (event.url.pathname === '/solicitar') response.headers.set('Content-Security-Policy', 'frame-ancestors *');
	else response.headers.set('X-Frame-Options', 'DENY');
	// The day maps load tiles from the configured server (MAP_TILE_URL): its origin, and only it, joins
	// img-src on every page, since a map can be reached by client-side navigation from any of them.
	const csp = response.headers.get('Content-Security-Policy');
	if (csp) response.headers.set('Content-Security-Policy', allowTileImages(csp, tileSource().origin));
	response.headers.set('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=()');
	return moveLinkHeaderIntoHead(response);
};

export const handle = sequence(handleRequest, i18nHandle, handleHeaders, handleOutage, handleAuth, handleGuard);
