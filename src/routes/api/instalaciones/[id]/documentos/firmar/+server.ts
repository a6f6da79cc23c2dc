import { signInPerson } from '$lib/server/services/signing';
import { endpoint } from '$lib/server/http/endpoint';
import { clientIp } from '$lib/server/forms';

// The drawn signature is a PNG data URL of up to 400 kB (signSchema); the rest is small.
export const POST = endpoint({ body: true, maxBytes: 512 * 1024 }, ({ db, user, params, body, event }) =>
	signInPerson(db, user, params.id, body, { ip: clientIp(event), userAgent: event.request.headers.get('user-agent') })
);
