import { getDb } from '$lib/server/db';
import { toHttpError } from '$lib/server/forms';
import { userOf } from '$lib/server/http/json-api';
import { downloadResponse, routerOsForCard, routerOsForZone } from '$lib/server/services/exports';

/** ?instalacion=<id> for one card, ?zona=<id> for a zone's pending activations. */
export const GET = async (event) => {
	const user = userOf(event);
	const db = await getDb();
	const card = event.url.searchParams.get('instalacion');
	try {
		const d = card ? await routerOsForCard(db, user, card) : await routerOsForZone(db, user, event.url.searchParams.get('zona'));
		return downloadResponse(d);
	} catch (err) {
		toHttpError(err);
	}
};
