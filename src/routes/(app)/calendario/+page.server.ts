import { getDb } from '$lib/server/db';
import { listScheduled } from '$lib/server/services/schedule';

export async function load({ locals }) {
	return { schedule: await listScheduled(await getDb(), locals.user!) };
}
