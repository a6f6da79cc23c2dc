import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { generatePdf } from '$lib/server/services/contracts';
import { jsonError } from '$lib/server/json-error';

export async function POST(event) {
	const { locals, params, request } = event;
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		const body = await request.json().catch(() => ({}));
		return json(await generatePdf(await getDb(), locals.user, params.id, body));
	} catch (err) {
		return jsonError(err);
	}
}
