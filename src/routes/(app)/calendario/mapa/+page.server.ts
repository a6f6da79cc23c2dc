import { getDb } from '$lib/server/db';
import { officeDayMap } from '$lib/server/services/day-map';
import { toHttpError } from '$lib/server/forms';

export async function load({ locals, url }) {
	try {
		return { map: await officeDayMap(await getDb(), locals.user!, { fecha: url.searchParams.get('fecha') ?? undefined }) };
	} catch (err) {
		toHttpError(err);
	}
}
