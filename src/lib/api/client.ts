import { coded, isCoded } from '$lib/domain/coded';
import { translate } from '$lib/i18n/translate';

/**
 * The one way the browser talks to our JSON endpoints. Every call answers an ApiResult: the data,
 * or an ApiError carrying the server's Spanish sentence, its field errors and the rest of its body
 * (a move's reasons, a field's conflict). A dropped network is an ApiError too (status 0), so a
 * component never needs a try/catch to show what went wrong.
 */
export const NETWORK_MESSAGE = 'No pudimos comunicarnos con el servidor. Revisa tu conexión e inténtalo de nuevo.';
export const FAILED_MESSAGE = 'No se pudo completar; inténtalo de nuevo.';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly errors: Record<string, string[]> = {},
		/** The whole error body, for endpoints that say more than a sentence (409 conflicts, move reasons). */
		readonly body: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** For code written as try/catch: the data, or the ApiError thrown. */
export function orThrow<T>(result: ApiResult<T>): T {
	if (!result.ok) throw result.error;
	return result.data;
}

/** An endpoint's answer as an ApiResult; a non-JSON answer (a proxy's HTML page) gets the generic sentence. */
export async function readResult<T>(res: Response): Promise<ApiResult<T>> {
	let data: unknown = null;
	try {
		data = await res.json();
	} catch {
		// not JSON: the generic sentence below
	}
	if (res.ok) return { ok: true, data: data as T };
	const body = (data && typeof data === 'object' ? data : {}) as {
		message?: unknown;
		errors?: Record<string, string[]>;
		code?: unknown;
		codes?: unknown;
		reasons?: unknown;
	};
	// A refusal given as message codes is worded here, in the reader's language.
	if (Array.isArray(body.codes) && body.codes.every(isCoded)) body.reasons = body.codes.map((c) => translate(c));
	const said = isCoded(body.code) ? translate(body.code) : body.message;
	const message = typeof said === 'string' && said ? said : translate(coded('error.failed'));
	return { ok: false, error: new ApiError(res.status, message, body.errors ?? {}, body as Record<string, unknown>) };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Sends JSON (or a FormData as is) and reads the answer: the fetch of every JSON call (account.ts posts form actions). */
export async function request<T>(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
	const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
	if (body instanceof FormData) init.body = body;
	else if (body !== undefined) {
		init.body = JSON.stringify(body);
		(init.headers as Record<string, string>)['content-type'] = 'application/json';
	}
	let res: Response;
	try {
		res = await fetch(url, init);
	} catch {
		return { ok: false, error: new ApiError(0, translate(coded('error.network'))) };
	}
	return readResult<T>(res);
}

/** A query string from the filled-in values only. */
export function query(values: Record<string, string | null | undefined>): string {
	const q = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
	return q.size ? `?${q}` : '';
}

export const cardUrl = (cardId: string, path: string) => `/api/instalaciones/${encodeURIComponent(cardId)}/${path}`;
