import { toggleChecklistItem } from '$lib/server/services/checklists';
import { endpoint } from '$lib/server/http/endpoint';

export const POST = endpoint({ body: true }, async ({ db, user, params, body }) => {
	await toggleChecklistItem(db, user, params.id, body);
});
