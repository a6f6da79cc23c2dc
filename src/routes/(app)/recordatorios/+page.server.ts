import { getDb } from '$lib/server/db';
import { tomorrowReminders } from '$lib/server/services/reminders';
import { toHttpError } from '$lib/server/forms';

export async function load({ locals, depends }) {
	depends('app:recordatorios');
	try {
		return { view: await tomorrowReminders(await getDb(), locals.user!) };
	} catch (err) {
		toHttpError(err);
	}
}
