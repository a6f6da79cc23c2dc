export type DocKind = 'contrato' | 'hoja_instalacion';

export interface DocState {
	status: 'borrador' | 'firmado';
	startDate: string | null;
	endDate: string | null;
	signedAt: string | null;
	signerName: string | null;
	fileId: string | null;
	versions: number;
	activeLink: { expiresAt: string } | null;
}

export interface DocsState {
	card: { id: string; fullName: string; phone: string | null; contractType: string | null };
	provider: string;
	uploadMaxMb: number;
	contrato: DocState;
	hoja_instalacion: DocState;
}

/** POST/DELETE JSON to our API; returns the parsed body or throws the server's Spanish message. */
export async function api<T>(url: string, method: string, body?: unknown): Promise<T> {
	const res = await fetch(url, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const data = await res.json().catch(() => ({}));
	if (!res.ok) throw Object.assign(new Error(data.message ?? res.statusText), { status: res.status, errors: data.errors ?? {} });
	return data as T;
}
