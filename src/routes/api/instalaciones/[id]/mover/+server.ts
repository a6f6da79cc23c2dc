import { json } from '@sveltejs/kit';
import { moveCard } from '$lib/server/services/moves';
import { endpoint } from '$lib/server/http/endpoint';

/** The panel's "Avanzar a …" button: the same move as a drag on the board, to the end of the column. */
export const POST = endpoint({ body: true }, async ({ db, user, params, body }) => {
	const result = await moveCard(db, user, { ...(body as Record<string, unknown>), cardId: params.id });
	return json(result, { status: result.ok ? 200 : result.status });
});
