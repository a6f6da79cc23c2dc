import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { documentsState } from '$lib/server/services/documents';
import { jsonError } from '$lib/server/json-error';

export async function GET({ locals, params }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		return json(await documentsState(await getDb(), locals.user, params.id), { headers: { 'cache-control': 'private, no-store' } });
	} catch (err) {
		return jsonError(err);
	}
}
