import { getDb } from '$lib/server/db';
import { toHttpError } from '$lib/server/forms';
import { userOf } from '$lib/server/http/json-api';
import { downloadResponse, installationsCsv } from '$lib/server/services/exports';

/** ?desde=AAAA-MM-DD&hasta=AAAA-MM-DD */
export const GET = async (event) => {
	const user = userOf(event);
	try {
		const q = event.url.searchParams;
		return downloadResponse(await installationsCsv(await getDb(), user, { desde: q.get('desde'), hasta: q.get('hasta') }));
	} catch (err) {
		toHttpError(err);
	}
};
