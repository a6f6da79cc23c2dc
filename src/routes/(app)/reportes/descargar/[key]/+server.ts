import { getDb } from '$lib/server/db';
import { toHttpError } from '$lib/server/forms';
import { downloadResponse } from '$lib/server/services/exports';
import { reportDownload } from '$lib/server/services/report-downloads';
import { ServiceError } from '$lib/server/services/errors';

/** `?formato=csv|xlsx` plus the page's filters: the report's tables as a file. A refusal is the error page. */
export const GET = async ({ locals, params, url }) => {
	try {
		if (!locals.user) throw new ServiceError(401, 'Inicia sesión para descargar los reportes.');
		return downloadResponse(await reportDownload(await getDb(), locals.user, params.key, Object.fromEntries(url.searchParams)));
	} catch (err) {
		toHttpError(err);
	}
};
