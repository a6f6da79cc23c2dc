/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * The technician's phone without signal: the app's shell (this build's files) from the cache, and
 * «Mis trabajos» and each job page network-first, falling back to the copy of the last visit.
 * Nothing else is touched: the board, the login, /api, the sockets and the customers' files
 * (/archivos) always go to the network and are never stored here.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
/** Per version too: an older page would ask for this version's deleted assets. */
const PAGES = `tecnico-${version}`;
const SHELL_FILES = new Set([...build, ...files]);

/** «Mis trabajos» and a job (its HTML and its __data.json), nothing else. */
const TECH_PAGE = /^\/tecnico(?:\/[0-9a-f-]{36})?(?:\/__data\.json)?$/;

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(SHELL).then((c) => c.addAll([...SHELL_FILES])));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== PAGES).map((k) => caches.delete(k))))
			// The first visit's page too, so «Mis trabajos» opens offline without a second visit.
			.then(() => sw.clients.claim())
	);
});

/** The page's «Actualizar» button: the waiting version takes over, then the page reloads. */
sw.addEventListener('message', (event) => {
	if (event.data?.type === 'skip-waiting') void sw.skipWaiting();
	if (event.data?.type === 'precache' && Array.isArray(event.data.urls)) event.waitUntil(precache(event.data.urls));
});

/**
 * Today's jobs, so a job never opened before still opens without signal. All jobs at once, and
 * first the data a tap on a job reads (__data.json, client-side navigation), then the pages a reload
 * would read: signal lost a few seconds after opening «Mis trabajos» then finds every job kept.
 */
async function precache(urls: unknown[]) {
	const cache = await caches.open(PAGES);
	const jobs = urls.filter((u): u is string => typeof u === 'string' && TECH_PAGE.test(u));
	const keep = async (url: string) => {
		const res = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
		if (storable(res)) await cache.put(url, res!);
	};
	await Promise.all(jobs.map((u) => keep(`${u}/__data.json`)));
	await Promise.all(jobs.map((u) => keep(u)));
}

/** A real page of the signed-in technician: not a redirect to the login, not an error. */
const storable = (res: Response | null) => !!res && res.ok && !res.redirected && res.type === 'basic';

async function networkFirst(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(PAGES);
	try {
		const res = await fetch(request);
		if (storable(res)) await cache.put(url.pathname.endsWith('__data.json') ? request : url.pathname, res.clone());
		return res;
	} catch (err) {
		// __data.json carries which nodes to reload in its query; any copy of the page holds them all.
		const cached =
			(await cache.match(request)) ??
			(await cache.match(url.pathname, { ignoreSearch: true })) ??
			(await cache.match(request, { ignoreSearch: true }));
		if (cached) return cached;
		throw err;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// Signing out or in: the phone must not keep a customer's data for the next person.
	if ((url.pathname === '/logout' && request.method === 'POST') || url.pathname === '/login') {
		event.waitUntil(caches.delete(PAGES));
		return;
	}
	if (request.method !== 'GET') return;
	if (SHELL_FILES.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	if (TECH_PAGE.test(url.pathname)) event.respondWith(networkFirst(request, url));
});
