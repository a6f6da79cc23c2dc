import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { displayByToken, displaySnapshot } from '$lib/server/services/displays';
import { ServiceError } from '$lib/server/services/errors';
import { displaySummary } from '$lib/server/services/display-summary';

/** Public: the token in the URL is the only credential (read-only, revocable). */
export async function load({ params, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' });
	const db = await getDb();
	try {
		const viewer = await displayByToken(db, params.token);
		return { token: params.token, snapshot: await displaySnapshot(db, viewer), summary: await displaySummary(db, viewer) };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status === 410 ? 410 : 404, err.message);
		throw err;
	}
}
