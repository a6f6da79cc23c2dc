/** Fetch helpers for the scheduling sections' JSON endpoints; errors come back as Spanish messages. */
export interface ApiError {
	message: string;
	errors?: Record<string, string[]>;
	status: number;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function getJson<T>(url: string): Promise<ApiResult<T>> {
	const res = await fetch(url, { headers: { accept: 'application/json' } });
	return read<T>(res);
}

export async function postJson<T>(url: string, body: Record<string, unknown>): Promise<ApiResult<T>> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify(body)
	});
	return read<T>(res);
}

async function read<T>(res: Response): Promise<ApiResult<T>> {
	let data: unknown = null;
	try {
		data = await res.json();
	} catch {
		// an HTML error page; fall through to the generic message
	}
	if (res.ok) return { ok: true, data: data as T };
	const body = (data ?? {}) as { message?: string; errors?: Record<string, string[]> };
	return {
		ok: false,
		error: { status: res.status, message: body.message ?? 'No se pudo completar; inténtalo de nuevo.', errors: body.errors }
	};
}
