// A local WhatsApp Business Cloud API for tests and demos, built from Meta's documentation (never
// checked against the live service): `POST /{version}/{phone-number-id}/messages` with a Bearer
// token answering `{messaging_product, contacts, messages:[{id:'wamid…'}]}`, Graph errors
// `{error:{message,type,code,error_subcode,fbtrace_id}}`, `GET /{version}/{phone-number-id}` for the
// number's data, and the status webhooks (sent, delivered, read, failed) POSTed back signed with the
// app secret in X-Hub-Signature-256. Test knobs (not Meta's): fail the next N sends or every send to
// a number, stay silent (no answer) once, record every request, and `/__state`, `/__control`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface FakeCloudOptions {
	port?: number;
	accessToken?: string;
	phoneNumberId?: string;
	appSecret?: string;
	/** Where the status webhooks go (the app's /api/whatsapp/webhook); none when unset. */
	webhookUrl?: string;
	/** Statuses posted after each accepted send, in order, `autoDelayMs` apart. */
	autoStatuses?: ('sent' | 'delivered' | 'read')[];
	autoDelayMs?: number;
}

export interface FakeFailure {
	status: number;
	code: number;
	message?: string;
}

export interface SentMessage {
	id: string;
	to: string;
	body: string;
	callbackData: string | null;
}

const GRAPH_MESSAGES: Record<number, string> = {
	190: 'Error validating access token: Session has expired.',
	131047: 'Re-engagement message',
	131026: 'Message undeliverable',
	100: 'Invalid parameter',
	4: 'Application request limit reached',
	80007: 'Rate limit issues',
	130429: 'Rate limit hit'
};

export function startFakeWhatsApp(options: FakeCloudOptions = {}) {
	const opts = {
		accessToken: 'token-de-prueba-whatsapp',
		phoneNumberId: '123456789012345',
		appSecret: 'secreto-de-la-app-de-prueba',
		autoStatuses: [] as ('sent' | 'delivered' | 'read')[],
		autoDelayMs: 100,
		...options
	};
	const state = {
		requests: [] as { method: string; path: string; authorized: boolean; status: number; body: unknown }[],
		sent: [] as SentMessage[],
		webhooks: [] as { status: number; body: unknown }[],
		failNext: [] as FakeFailure[],
		failFor: new Map<string, FakeFailure>(),
		/** The next N sends are accepted but the answer never comes (the connection is dropped). */
		dropNext: 0
	};

	const send = (res: ServerResponse, status: number, body: unknown) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	};
	const graphError = (res: ServerResponse, f: FakeFailure) =>
		send(res, f.status, {
			error: {
				message: f.message ?? GRAPH_MESSAGES[f.code] ?? 'Unknown error',
				type: f.code === 190 ? 'OAuthException' : 'OAuthException',
				code: f.code,
				error_subcode: f.code === 190 ? 463 : undefined,
				fbtrace_id: randomBytes(8).toString('base64url')
			}
		});

	async function readJson(req: IncomingMessage): Promise<unknown> {
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		try {
			return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
		} catch {
			return undefined;
		}
	}

	/** Posts a status webhook for a sent message, signed like Meta's (or with `secret` to test refusals). */
	async function postStatus(
		message: Pick<SentMessage, 'id' | 'to' | 'callbackData'>,
		status: 'sent' | 'delivered' | 'read' | 'failed',
		extra: { errors?: { code: number; title: string }[]; secret?: string; url?: string } = {}
	): Promise<{ status: number; body: unknown }> {
		const url = extra.url ?? opts.webhookUrl;
		if (!url) throw new Error('el fake no tiene webhookUrl');
		const payload = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: 'WHATSAPP_BUSINESS_ACCOUNT_ID',
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata: { display_phone_number: '529981234567', phone_number_id: opts.phoneNumberId },
								statuses: [
									{
										id: message.id,
										status,
										timestamp: String(Math.floor(Date.now() / 1000)),
										recipient_id: message.to,
										...(message.callbackData ? { biz_opaque_callback_data: message.callbackData } : {}),
										...(extra.errors ? { errors: extra.errors } : {})
									}
								]
							}
						}
					]
				}
			]
		};
		const raw = JSON.stringify(payload);
		const signature = createHmac('sha256', extra.secret ?? opts.appSecret)
			.update(raw)
			.digest('hex');
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
			body: raw
		});
		const text = await res.text();
		const result = { status: res.status, body: text ? JSON.parse(text) : null };
		state.webhooks.push(result);
		return result;
	}

	function autoStatuses(message: SentMessage) {
		if (!opts.webhookUrl || !opts.autoStatuses.length) return;
		opts.autoStatuses.forEach((status, i) => {
			setTimeout(() => void postStatus(message, status).catch(() => undefined), opts.autoDelayMs * (i + 1)).unref();
		});
	}

	async function api(req: IncomingMessage, res: ServerResponse, url: URL) {
		const m = /^\/v\d+\.\d+\/([^/]+)(\/messages)?\/?$/.exec(url.pathname);
		const authorized = req.headers.authorization === `Bearer ${opts.accessToken}`;
		const body = req.method === 'POST' ? await readJson(req) : null;
		const record = (status: number) => state.requests.push({ method: req.method ?? '', path: url.pathname, authorized, status, body });
		if (!m) return (record(404), send(res, 404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 100 } }));
		if (!authorized) return (record(401), graphError(res, { status: 401, code: 190 }));
		if (m[1] !== opts.phoneNumberId) return (record(400), graphError(res, { status: 400, code: 100, message: 'Unsupported request' }));
		if (req.method === 'GET' && !m[2]) {
			record(200);
			return send(res, 200, { id: opts.phoneNumberId, display_phone_number: '+52 998 123 4567', verified_name: 'Internet de Prueba' });
		}
		if (req.method !== 'POST' || !m[2]) return (record(405), graphError(res, { status: 400, code: 100 }));
		const b = body as Record<string, unknown> | null;
		const text = (b?.text as { body?: unknown } | undefined)?.body;
		if (!b || b.messaging_product !== 'whatsapp' || b.type !== 'text' || typeof b.to !== 'string' || typeof text !== 'string') {
			return (record(400), graphError(res, { status: 400, code: 100 }));
		}
		const failure = state.failNext.shift() ?? state.failFor.get(b.to);
		if (failure) return (record(failure.status), graphError(res, failure));
		const message: SentMessage = {
			id: `wamid.${randomBytes(18).toString('base64url')}`,
			to: b.to,
			body: text,
			callbackData: typeof b.biz_opaque_callback_data === 'string' ? b.biz_opaque_callback_data : null
		};
		state.sent.push(message);
		if (state.dropNext > 0) {
			state.dropNext--;
			record(0);
			autoStatuses(message);
			res.socket?.destroy();
			return;
		}
		record(200);
		send(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: b.to, wa_id: b.to }], messages: [{ id: message.id }] });
		autoStatuses(message);
	}

	async function control(req: IncomingMessage, res: ServerResponse) {
		const body = (await readJson(req)) as Record<string, unknown> | null;
		if (body?.failNext) state.failNext.push(...(body.failNext as FakeFailure[]));
		if (body?.failFor) for (const [to, f] of Object.entries(body.failFor as Record<string, FakeFailure>)) state.failFor.set(to, f);
		if (body?.webhookUrl) opts.webhookUrl = String(body.webhookUrl);
		if (body?.appSecret) opts.appSecret = String(body.appSecret);
		if (Array.isArray(body?.autoStatuses)) opts.autoStatuses = body.autoStatuses as typeof opts.autoStatuses;
		if (body?.reset) {
			state.failNext.length = 0;
			state.failFor.clear();
		}
		send(res, 200, { ok: true });
	}

	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://fake');
		if (url.pathname === '/__state') return send(res, 200, { sent: state.sent, requests: state.requests, webhooks: state.webhooks });
		if (url.pathname === '/__control' && req.method === 'POST') return void control(req, res);
		void api(req, res, url).catch(() => send(res, 500, { error: { message: 'fake crashed', code: 1 } }));
	});
	const ready = new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()));
	return {
		options: opts,
		state,
		ready,
		get url() {
			return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		},
		postStatus,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}

export type FakeWhatsApp = ReturnType<typeof startFakeWhatsApp>;
