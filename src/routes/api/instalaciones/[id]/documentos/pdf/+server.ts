import { generatePdf } from '$lib/server/services/contracts';
import { endpoint } from '$lib/server/http/endpoint';

export const POST = endpoint({ body: true }, ({ db, user, params, body }) => generatePdf(db, user, params.id, body));
