import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { cardPanel } from '$lib/server/services/cards';
import { jsonError } from '$lib/server/json-error';

/** The card panel's data; the panel re-fetches it when the card changes (also inside the board). */
export async function GET({ locals, params }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		return json(await cardPanel(await getDb(), locals.user, params.id), { headers: { 'cache-control': 'private, no-store' } });
	} catch (err) {
		return jsonError(err);
	}
}
