// WispHub's REST API as ../shared/WISPHUB.md describes it (not verified against a live account).
// Every failure becomes a WispHubError with a Spanish message and whether trying again may help;
// the API key goes only into the Authorization header, never into a message or a log.

export interface WispHubConfig {
	baseUrl: string;
	apiKey: string;
}

export type FailureKind = 'red' | 'tiempo' | 'clave' | 'html' | 'limite' | 'servidor' | 'rechazo' | 'no_encontrado' | 'respuesta';

export class WispHubError extends Error {
	constructor(
		readonly kind: FailureKind,
		message: string,
		readonly retry: boolean,
		readonly status: number | null = null,
		readonly body: unknown = null
	) {
		super(message);
	}
}

const timeoutMs = () => Number(process.env.WISPHUB_TIMEOUT_MS ?? 15_000);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The base URL as the app stores it (ending in a slash), or a Spanish reason it can't be used. */
export function normalizeBaseUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
	let url: URL;
	try {
		url = new URL(input.trim());
	} catch {
		return { ok: false, message: 'La URL de la API no es válida. Cópiala de WispHub: Mi Empresa → «URL de consulta de API».' };
	}
	if (url.username || url.password) return { ok: false, message: 'La URL no debe llevar usuario ni contraseña.' };
	// The key travels in a header: only over HTTPS (plain HTTP only to this machine, for the local fake).
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
		return { ok: false, message: 'La URL de la API debe empezar con https:// (la clave viajaría sin cifrar).' };
	}
	url.search = '';
	url.hash = '';
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return { ok: true, url: url.toString() };
}

/** DRF-style errors ({"campo": ["mensaje"]} or {"detail": "…"}) as one Spanish line. */
export function describeBody(body: unknown): string {
	if (!body || typeof body !== 'object') return '';
	const record = body as Record<string, unknown>;
	if (typeof record.detail === 'string') return record.detail;
	return Object.entries(record)
		.map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(' ') : String(value)}`)
		.join('; ')
		.slice(0, 500);
}

async function parse(res: Response): Promise<unknown> {
	const text = await res.text();
	if (/^\s*<(!doctype|html)/i.test(text) || (res.headers.get('content-type') ?? '').includes('text/html')) {
		throw new WispHubError(
			'html',
			'WispHub respondió una página web en lugar de la API: la URL no es la «URL de consulta de API» de Mi Empresa.',
			false,
			res.status
		);
	}
	try {
		return text ? JSON.parse(text) : null;
	} catch {
		throw new WispHubError('respuesta', `WispHub respondió algo que no es JSON (HTTP ${res.status}).`, res.status >= 500, res.status);
	}
}

export async function call(config: WispHubConfig, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
	const url = new URL(path, config.baseUrl);
	let res: Response;
	try {
		res = await fetch(url, {
			method,
			headers: {
				authorization: `Api-Key ${config.apiKey}`,
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			redirect: 'error',
			signal: AbortSignal.timeout(timeoutMs())
		});
	} catch (err) {
		const timeout = (err as Error).name === 'TimeoutError';
		throw new WispHubError(
			timeout ? 'tiempo' : 'red',
			timeout
				? `WispHub no respondió en ${Math.round(timeoutMs() / 1000)} s.`
				: `No se pudo conectar con ${url.host}. Revisa la URL y la conexión a internet.`,
			true
		);
	}
	const data = await parse(res);
	if (res.ok) return data;
	const detail = describeBody(data);
	if (res.status === 401 || res.status === 403) {
		throw new WispHubError(
			'clave',
			'WispHub rechazó la clave de API. Crea o copia una clave válida en WispHub y guárdala de nuevo.',
			false,
			res.status,
			data
		);
	}
	if (res.status === 404)
		throw new WispHubError('no_encontrado', `WispHub no encontró ${url.pathname}${detail ? ` (${detail})` : ''}.`, false, 404, data);
	if (res.status === 429) throw new WispHubError('limite', 'WispHub pidió esperar (demasiadas solicitudes).', true, 429, data);
	if (res.status >= 500) throw new WispHubError('servidor', `WispHub tuvo una falla (HTTP ${res.status}).`, true, res.status, data);
	throw new WispHubError('rechazo', `WispHub rechazó los datos: ${detail || `HTTP ${res.status}`}`, false, res.status, data);
}

interface Page {
	count?: number;
	results?: unknown[];
}

/** Every item of a paginated list, paged with our own offset (WispHub's `next` may be plain http). */
export async function listAll(config: WispHubConfig, path: string, maxPages = 50): Promise<Record<string, unknown>[]> {
	const items: Record<string, unknown>[] = [];
	const limit = 100;
	for (let pageNo = 0; pageNo < maxPages; pageNo++) {
		const data = (await call(config, 'GET', `${path}${path.includes('?') ? '&' : '?'}limit=${limit}&offset=${pageNo * limit}`)) as
			Page | unknown[];
		const results = Array.isArray(data) ? data : data?.results;
		if (!Array.isArray(results)) throw new WispHubError('respuesta', `WispHub respondió ${path} sin la lista esperada.`, false);
		items.push(...(results as Record<string, unknown>[]));
		const count = Array.isArray(data) ? results.length : (data.count ?? 0);
		if (Array.isArray(data) || results.length < limit || items.length >= count) break;
	}
	return items;
}
