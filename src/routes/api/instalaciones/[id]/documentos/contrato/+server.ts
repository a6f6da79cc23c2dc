import { saveContractData } from '$lib/server/services/documents';
import { endpoint } from '$lib/server/http/endpoint';

export const POST = endpoint({ body: true }, ({ db, user, params, body }) => saveContractData(db, user, params.id, body));
