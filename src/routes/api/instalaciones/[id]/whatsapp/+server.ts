import { byAction, endpoint } from '$lib/server/http/endpoint';
import { cardMessages, retryMessage, sendFromCard } from '$lib/server/services/whatsapp';

// The hook already answered 404 for a card of another provider or a technician's job that isn't theirs.
export const GET = endpoint({ noStore: true }, ({ db, user, params }) => cardMessages(db, user, params.id));

export const POST = endpoint(
	{ roles: ['admin', 'coordinator', 'agent'], what: 'enviar mensajes a clientes', body: true },
	({ db, user, params: { id }, body }) =>
		byAction<unknown>(body, {
			enviar: (b) => sendFromCard(db, user, id, b),
			reintentar: (b) => retryMessage(db, user, id, b)
		})
);
