import { getDb } from '$lib/server/db';
import { listJobs } from '$lib/server/services/technician';
import { toHttpError } from '$lib/server/forms';

export async function load({ locals }) {
	try {
		return await listJobs(await getDb(), locals.user!);
	} catch (err) {
		toHttpError(err);
	}
}
