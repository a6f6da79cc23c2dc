import { resolveDuplicate } from '$lib/server/services/duplicates';
import { endpoint } from '$lib/server/http/endpoint';

/** The duplicate banner: {pairId, action: 'fusionar' | 'descartar'}. */
export const POST = endpoint(
	{ roles: ['admin', 'coordinator', 'agent'], what: 'fusionar tarjetas ni marcarlas como «No es duplicado»', body: true },
	({ db, user, params, body }) => resolveDuplicate(db, user, params.id, body)
);
