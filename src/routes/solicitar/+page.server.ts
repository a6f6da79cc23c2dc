import { getDb } from '$lib/server/db';
import { submitPublicRequest } from '$lib/server/services/leads';
import { PUBLIC_REQUEST_MAX_BYTES } from '$lib/schemas/lead';
import { toFail, clientIp } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export const actions = {
	default: async (event) => {
		// Read the raw body first so an oversized post is refused without parsing it.
		const body = await event.request.arrayBuffer();
		const type = event.request.headers.get('content-type') ?? '';
		const values =
			body.byteLength <= PUBLIC_REQUEST_MAX_BYTES
				? formToObject(await new Response(body, { headers: { 'content-type': type } }).formData())
				: {};
		try {
			const ctx = { orgSlug: event.url.searchParams.get('p'), ip: clientIp(event), bodyBytes: body.byteLength };
			await submitPublicRequest(await getDb(), ctx, values);
			return { sent: true };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
