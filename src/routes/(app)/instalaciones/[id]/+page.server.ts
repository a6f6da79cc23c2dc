import { getDb } from '$lib/server/db';
import { cardPanel } from '$lib/server/services/cards';
import { toHttpError } from '$lib/server/forms';

export async function load({ locals, params, depends }) {
	depends(`card:${params.id}`);
	try {
		return await cardPanel(await getDb(), locals.user!, params.id);
	} catch (err) {
		toHttpError(err);
	}
}
