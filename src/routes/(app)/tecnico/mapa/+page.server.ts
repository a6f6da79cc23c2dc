import { getDb } from '$lib/server/db';
import { technicianDayMap } from '$lib/server/services/day-map';
import { toHttpError } from '$lib/server/forms';

export async function load({ locals, url }) {
	try {
		return { map: await technicianDayMap(await getDb(), locals.user!, { fecha: url.searchParams.get('fecha') ?? undefined }) };
	} catch (err) {
		toHttpError(err);
	}
}
