import { endpoint } from '$lib/server/http/endpoint';
import { cardMessages, sendClickToChat } from '$lib/server/services/messages';

// The hook already answered 404 for a card of another provider or a technician's job that isn't theirs.
export const GET = endpoint({ noStore: true }, ({ db, user, params }) => cardMessages(db, user, params.id));

/** Records the message and answers the click-to-chat link; the client opens it in a new tab. */
export const POST = endpoint(
	{ roles: ['admin', 'coordinator', 'agent', 'technician'], what: 'enviar mensajes al cliente', body: true },
	({ db, user, params, body, url }) => sendClickToChat(db, user, params.id, body, url.origin)
);
