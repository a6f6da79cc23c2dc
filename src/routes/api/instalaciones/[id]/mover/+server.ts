import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { moveCard } from '$lib/server/services/moves';
import { jsonError } from '$lib/server/json-error';
import { readJson } from '$lib/server/card-http';

/** The panel's "Avanzar a …" button: the same move as a drag on the board, to the end of the column. */
export async function POST({ locals, params, request }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		const body = (await readJson(request)) as Record<string, unknown>;
		const result = await moveCard(await getDb(), locals.user, { ...body, cardId: params.id });
		return json(result, { status: result.ok ? 200 : result.status });
	} catch (err) {
		return jsonError(err);
	}
}
