import { getDb } from '$lib/server/db';
import { toHttpError } from '$lib/server/forms';
import { downloadResponse, routerOsForCard, routerOsForZone } from '$lib/server/services/exports';

/** ?instalacion=<id> for one card, ?zona=<id> for a zone's pending activations. A download, not JSON. */
export const GET = async (event) => {
	const user = event.locals.user!;
	const db = await getDb();
	const card = event.url.searchParams.get('instalacion');
	try {
		const d = card ? await routerOsForCard(db, user, card) : await routerOsForZone(db, user, event.url.searchParams.get('zona'));
		return downloadResponse(d);
	} catch (err) {
		toHttpError(err);
	}
};
