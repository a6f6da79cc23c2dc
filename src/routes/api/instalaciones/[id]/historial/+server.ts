import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { cardHistory } from '$lib/server/services/history';
import { jsonError } from '$lib/server/json-error';

/** ?kind=field|stage|…&user=<id>&desde=AAAA-MM-DD&hasta=AAAA-MM-DD */
export async function GET({ locals, params, url }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		return json(await cardHistory(await getDb(), locals.user, params.id, Object.fromEntries(url.searchParams)));
	} catch (err) {
		return jsonError(err);
	}
}
