import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { toggleChecklistItem } from '$lib/server/services/checklists';
import { jsonError } from '$lib/server/json-error';
import { readJson } from '$lib/server/card-http';

export async function POST({ locals, params, request }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		await toggleChecklistItem(await getDb(), locals.user, params.id, await readJson(request));
		return json({ ok: true });
	} catch (err) {
		return jsonError(err);
	}
}
