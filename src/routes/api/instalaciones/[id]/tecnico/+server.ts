import { applyQueuedAction } from '$lib/server/services/technician-sync';
import { endpoint } from '$lib/server/http/endpoint';

/** One action the technician's phone queued offline ({kind, key, …}); a replayed key gets its first answer. */
export const POST = endpoint({ roles: ['technician'], what: 'enviar cambios de técnico', body: true }, ({ db, user, params, body }) =>
	applyQueuedAction(db, user, params.id, body)
);
