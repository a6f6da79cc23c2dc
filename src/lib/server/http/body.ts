import { ServiceError } from '../services/errors';

/** Card endpoints take small JSON bodies (a field, a checklist tick); a signature drawing asks for more. */
export const JSON_BODY_LIMIT = 64 * 1024;

export const BAD_JSON_MESSAGE = 'No pudimos leer los datos enviados: recarga la página e intenta de nuevo.';

/**
 * The request's body as a stream that errors with `tooBig()` as soon as it passes `max` bytes: a
 * declared Content-Length over it is refused before reading, a lying or chunked one is cut mid-way,
 * so no endpoint ever holds more than the limit in memory.
 */
export function cappedBody(request: Request, max: number, tooBig: () => ServiceError): ReadableStream<Uint8Array> | null {
	if (Number(request.headers.get('content-length') ?? 0) > max) throw tooBig();
	if (!request.body) return null;
	let seen = 0;
	return request.body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				seen += chunk.byteLength;
				if (seen > max) controller.error(tooBig());
				else controller.enqueue(chunk);
			}
		})
	);
}

/** Reads a JSON body under the size cap; an empty body is `{}`, anything unreadable a Spanish 400. */
export async function readJsonBody(request: Request, max = JSON_BODY_LIMIT): Promise<unknown> {
	const tooBig = () => new ServiceError(413, 'Los datos enviados son demasiado grandes.');
	let over = false;
	let stream: ReadableStream<Uint8Array> | null;
	try {
		stream = cappedBody(request, max, () => ((over = true), tooBig()));
	} catch (err) {
		// Read the rest (the server refuses anything over 1 MB before this) so that the answer does not
		// arrive while the client is still sending: that resets kept-alive connections.
		await discard(request.body);
		throw err;
	}
	if (!stream) return {};
	let text: string;
	try {
		text = await new Response(stream).text();
	} catch (err) {
		if (over) {
			await discard(request.body);
			throw tooBig();
		}
		throw new ServiceError(400, BAD_JSON_MESSAGE);
	}
	if (!text.trim()) return {};
	try {
		return JSON.parse(text);
	} catch {
		throw new ServiceError(400, BAD_JSON_MESSAGE);
	}
}

/** Reads what is left of a body and throws it away; a body already read or cancelled is left alone. */
async function discard(body: ReadableStream<Uint8Array> | null): Promise<void> {
	if (!body || body.locked) return;
	const reader = body.getReader();
	try {
		while (!(await reader.read()).done) continue;
	} catch {
		// The client went away: nothing left to read.
	}
}
