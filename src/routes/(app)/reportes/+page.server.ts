import { getDb } from '$lib/server/db';
import { toHttpError } from '$lib/server/forms';
import { reportsPage } from '$lib/server/services/report-page';

/** Admins and coordinators; the filters live in the URL (a GET form), so a view is a shareable link. */
export async function load({ locals, url }) {
	try {
		return { page: await reportsPage(await getDb(), locals.user!, Object.fromEntries(url.searchParams)) };
	} catch (err) {
		toHttpError(err);
	}
}
