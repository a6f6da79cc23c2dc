import { getDb } from '$lib/server/db';
import { toHttpError } from '$lib/server/forms';
import { downloadResponse, installationsCsv } from '$lib/server/services/exports';

/** ?desde=AAAA-MM-DD&hasta=AAAA-MM-DD. A download, not JSON: a refusal is the usual error page. */
export const GET = async (event) => {
	try {
		const q = event.url.searchParams;
		return downloadResponse(await installationsCsv(await getDb(), event.locals.user!, { desde: q.get('desde'), hasta: q.get('hasta') }));
	} catch (err) {
		toHttpError(err);
	}
};
