import { getDb } from '$lib/server/db';
import { boardSnapshot } from '$lib/server/services/board';
import { toHttpError } from '$lib/server/forms';

export async function load({ locals, url }) {
	try {
		return { snapshot: await boardSnapshot(await getDb(), locals.user!, Object.fromEntries(url.searchParams)) };
	} catch (err) {
		toHttpError(err);
	}
}
