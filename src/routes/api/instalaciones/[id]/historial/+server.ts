import { cardHistory } from '$lib/server/services/history';
import { endpoint } from '$lib/server/http/endpoint';

/** ?kind=field|stage|…&user=<id>&desde=AAAA-MM-DD&hasta=AAAA-MM-DD */
export const GET = endpoint({}, ({ db, user, params, url }) => cardHistory(db, user, params.id, Object.fromEntries(url.searchParams)));
