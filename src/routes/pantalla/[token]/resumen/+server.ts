import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { displayByToken } from '$lib/server/services/displays';
import { displaySummary } from '$lib/server/services/display-summary';
import { ServiceError } from '$lib/server/services/errors';

/** The TV's summary slide, fetched again at each rotation. Public like the display: the token is the credential. */
export const GET = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' });
	const db = await getDb();
	try {
		return json(await displaySummary(db, await displayByToken(db, params.token)));
	} catch (err) {
		if (err instanceof ServiceError) error(err.status === 410 ? 410 : 404, 'Pantalla desactivada.');
		throw err;
	}
};
