import { contentToSign } from '$lib/server/services/documents';
import { endpoint } from '$lib/server/http/endpoint';

export const GET = endpoint({ noStore: true }, ({ db, user, params, url }) =>
	contentToSign(db, user, params.id, url.searchParams.get('kind'))
);
