import { getDb } from '$lib/server/db';
import { toHttpError } from '$lib/server/forms';
import { auditCsv } from '$lib/server/services/audit';
import { downloadResponse } from '$lib/server/services/exports';
import { ServiceError } from '$lib/server/services/errors';

/** The audit page's filters as CSV (same query string). A download: a refusal is the error page. */
export const GET = async ({ locals, url }) => {
	try {
		if (!locals.user) throw new ServiceError(401, 'Inicia sesión para exportar la bitácora.');
		return downloadResponse(await auditCsv(await getDb(), locals.user, Object.fromEntries(url.searchParams)));
	} catch (err) {
		toHttpError(err);
	}
};
