import { getDb } from '$lib/server/db';
import { auditPage } from '$lib/server/services/audit';
import { toHttpError } from '$lib/server/forms';

/** Filters travel in the query string (?kind=&user=&desde=&hasta=), so a filtered view is a link. */
export async function load({ locals, url }) {
	try {
		return { audit: await auditPage(await getDb(), locals.user!, Object.fromEntries(url.searchParams)) };
	} catch (err) {
		toHttpError(err);
	}
}
