import { documentsState } from '$lib/server/services/documents';
import { endpoint } from '$lib/server/http/endpoint';

export const GET = endpoint({ noStore: true }, ({ db, user, params }) => documentsState(db, user, params.id));
