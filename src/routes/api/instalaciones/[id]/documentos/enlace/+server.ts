import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createLink, revokeLinks } from '$lib/server/services/signing';
import { jsonError } from '$lib/server/json-error';

export async function POST(event) {
	const { locals, params, request } = event;
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		const body = await request.json().catch(() => ({}));
		return json(await createLink(await getDb(), locals.user, params.id, body));
	} catch (err) {
		return jsonError(err);
	}
}

/** Revokes the document's open links (body: { kind }). */
export async function DELETE({ locals, params, request }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		return json(await revokeLinks(await getDb(), locals.user, params.id, await request.json().catch(() => ({}))));
	} catch (err) {
		return jsonError(err);
	}
}
