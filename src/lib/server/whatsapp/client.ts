// The WhatsApp Business Cloud API as Meta documents it (not verified against the live service):
// `POST {base}/{version}/{phone-number-id}/messages` with a Bearer token. Every failure becomes a
// CloudApiError with a Spanish message and whether trying again may help; the token goes only into
// the Authorization header, never into a message, a log or an answer.
import { describeCloudError } from '$lib/domain/whatsapp-cloud';

export interface CloudConfig {
	phoneNumberId: string;
	accessToken: string;
}

/** `uncertain`: the request may have reached Meta (a timeout); false when it surely did not leave or was answered. */
export class CloudApiError extends Error {
	constructor(
		message: string,
		readonly retry: boolean,
		readonly code: number | null = null,
		readonly status: number | null = null,
		readonly uncertain = false
	) {
		super(message);
	}
}

const DEFAULT_BASE = 'https://graph.facebook.com';
const DEFAULT_VERSION = 'v21.0';
const timeoutMs = () => Number(process.env.WHATSAPP_TIMEOUT_MS ?? 15_000);

/** `WHATSAPP_API_BASE` (tests point it at tests/whatsapp-fake) and `WHATSAPP_API_VERSION`. */
export function apiBase(): string {
	const base = (process.env.WHATSAPP_API_BASE || DEFAULT_BASE).replace(/\/+$/, '');
	const version = process.env.WHATSAPP_API_VERSION || DEFAULT_VERSION;
	return `${base}/${/^v\d+\.\d+$/.test(version) ? version : DEFAULT_VERSION}`;
}

interface GraphError {
	error?: { message?: string; type?: string; code?: number; error_subcode?: number; fbtrace_id?: string };
}

async function call(config: CloudConfig, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
	const url = `${apiBase()}/${encodeURIComponent(config.phoneNumberId)}${path}`;
	let res: Response;
	try {
		res = await fetch(url, {
			method,
			headers: {
				authorization: `Bearer ${config.accessToken}`,
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			redirect: 'error',
			signal: AbortSignal.timeout(timeoutMs())
		});
	} catch (err) {
		const timeout = (err as Error).name === 'TimeoutError';
		// Refused or unresolved: the request never left. A timeout or a dropped connection may hide one Meta took.
		const code = String(((err as Error).cause as { code?: unknown } | undefined)?.code ?? '');
		const neverLeft = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(code) || /CERT|SSL/.test(code);
		throw new CloudApiError(
			timeout
				? `WhatsApp no respondió en ${Math.round(timeoutMs() / 1000)} s.`
				: `No se pudo conectar con ${new URL(url).host}. Revisa la conexión a internet del servidor.`,
			true,
			null,
			null,
			!neverLeft
		);
	}
	const text = await res.text();
	let data: unknown;
	try {
		data = text ? JSON.parse(text) : null;
	} catch {
		throw new CloudApiError(`WhatsApp respondió algo que no es JSON (HTTP ${res.status}).`, res.status >= 500, null, res.status);
	}
	if (res.ok && data && typeof data === 'object') return data as Record<string, unknown>;
	const code = (data as GraphError | null)?.error?.code ?? null;
	const failure = describeCloudError(code, res.status);
	throw new CloudApiError(failure.message, failure.retry, code, res.status);
}

/**
 * Sends one text message. `callbackData` (our message id) comes back in the status webhooks as
 * biz_opaque_callback_data: it ties a send whose answer was lost to its row.
 */
export async function sendText(config: CloudConfig, to: string, body: string, callbackData: string): Promise<{ id: string }> {
	const answer = await call(config, 'POST', '/messages', {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'text',
		text: { preview_url: false, body },
		biz_opaque_callback_data: callbackData
	});
	const messages = answer.messages as { id?: unknown }[] | undefined;
	const id = messages?.[0]?.id;
	if (typeof id !== 'string' || !id)
		throw new CloudApiError('WhatsApp aceptó el envío pero no devolvió el identificador del mensaje.', false);
	return { id };
}

/** «Probar conexión»: reads the phone number's public data with the token. */
export async function phoneInfo(config: CloudConfig): Promise<{ displayPhoneNumber: string | null; verifiedName: string | null }> {
	const data = await call(config, 'GET', '?fields=display_phone_number,verified_name');
	return {
		displayPhoneNumber: typeof data.display_phone_number === 'string' ? data.display_phone_number : null,
		verifiedName: typeof data.verified_name === 'string' ? data.verified_name : null
	};
}
