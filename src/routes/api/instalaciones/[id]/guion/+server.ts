import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { tickScriptStep } from '$lib/server/services/call-script';
import { jsonError } from '$lib/server/json-error';
import { readJson } from '$lib/server/card-http';

export async function POST({ locals, params, request }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		await tickScriptStep(await getDb(), locals.user, params.id, await readJson(request));
		return json({ ok: true });
	} catch (err) {
		return jsonError(err);
	}
}
