import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { clientIp } from '$lib/server/forms';
import { cappedBody } from '$lib/server/http/body';
import { refusalResponse } from '$lib/server/http/endpoint';
import { RateLimiter } from '$lib/server/rate-limit';
import { ServiceError } from '$lib/server/services/errors';
import { receiveWebhook, verifySubscription } from '$lib/server/services/whatsapp-webhook';

// Meta's webhook: public (the hook lets it through without a session), signed, rate-limited per address.
const limiter = new RateLimiter(Number(process.env.WHATSAPP_WEBHOOK_PER_MINUTE ?? 600), 60_000);
const MAX_BYTES = 256 * 1024;

const limited = () => json({ message: 'Demasiadas solicitudes. Intenta más tarde.' }, { status: 429, headers: { 'retry-after': '60' } });

export async function GET(event) {
	if (!limiter.hit(clientIp(event))) return limited();
	const challenge = await verifySubscription(await getDb(), event.url.searchParams);
	if (challenge === null) return json({ message: 'El token de verificación no coincide.' }, { status: 403 });
	return new Response(challenge, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

export async function POST(event) {
	if (!limiter.hit(clientIp(event))) return limited();
	const tooBig = () => new ServiceError(413, 'El aviso es demasiado grande.');
	let over = false;
	try {
		const stream = cappedBody(event.request, MAX_BYTES, () => ((over = true), tooBig()));
		let raw = Buffer.alloc(0);
		if (stream) {
			try {
				raw = Buffer.from(await new Response(stream).arrayBuffer());
			} catch (err) {
				throw over ? tooBig() : new ServiceError(400, 'No se pudo leer el aviso completo.');
			}
		}
		const result = await receiveWebhook(await getDb(), raw, event.request.headers.get('x-hub-signature-256'));
		return json({ ok: true, ...result });
	} catch (err) {
		return refusalResponse(err);
	}
}
