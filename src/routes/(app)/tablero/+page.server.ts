import { getDb } from '$lib/server/db';
import { boardSnapshot } from '$lib/server/services/board';
import { boardFilterOptions } from '$lib/server/services/board-options';
import { toHttpError } from '$lib/server/forms';
import { parseFilters } from '$lib/realtime/board-filters';
import { packSnapshot } from '$lib/realtime/pack';

export async function load({ locals, url }) {
	try {
		const db = await getDb();
		const [snapshot, options] = await Promise.all([
			boardSnapshot(db, locals.user!, Object.fromEntries(url.searchParams)),
			boardFilterOptions(db, locals.user!)
		]);
		// The filters travel with their snapshot: the client matches live events against them.
		return { snapshot: packSnapshot(snapshot), options, filters: parseFilters(url.searchParams) };
	} catch (err) {
		toHttpError(err);
	}
}
