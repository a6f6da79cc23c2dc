import { endpoint } from '$lib/server/http/endpoint';
import { CALL_ROLES, listCalls, recordCall } from '$lib/server/services/lead-calls';

// The hook already answered 404 for a card of another provider or a technician's job that isn't theirs.
export const GET = endpoint({ noStore: true }, ({ db, user, params }) => listCalls(db, user, params.id));

export const POST = endpoint({ roles: CALL_ROLES, what: 'registrar llamadas', body: true }, ({ db, user, params: { id }, body }) =>
	recordCall(db, user, { ...(body && typeof body === 'object' ? body : {}), installationId: id })
);
