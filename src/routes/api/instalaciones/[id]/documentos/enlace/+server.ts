import { createLink, revokeLinks } from '$lib/server/services/signing';
import { endpoint } from '$lib/server/http/endpoint';

export const POST = endpoint({ body: true }, ({ db, user, params, body }) => createLink(db, user, params.id, body));

/** Revokes the document's open links (body: { kind }). */
export const DELETE = endpoint({ body: true }, ({ db, user, params, body }) => revokeLinks(db, user, params.id, body));
