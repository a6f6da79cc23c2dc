import { getDb } from '$lib/server/db';
import { listNotifications, preferencesView, savePreferences } from '$lib/server/services/notifications';
import { saveAction } from '$lib/server/forms';

// Everyone signed in: their own notices and their own choice of kinds.
export async function load({ locals }) {
	const db = await getDb();
	return { list: await listNotifications(db, locals.user!, 100), preferences: await preferencesView(db, locals.user!) };
}

export const actions = { preferencias: saveAction(savePreferences) };
