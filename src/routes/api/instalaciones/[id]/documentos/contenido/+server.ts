import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { contentToSign } from '$lib/server/services/documents';
import { jsonError } from '$lib/server/json-error';

export async function GET({ locals, params, url }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		const body = await contentToSign(await getDb(), locals.user, params.id, url.searchParams.get('kind'));
		return json(body, { headers: { 'cache-control': 'private, no-store' } });
	} catch (err) {
		return jsonError(err);
	}
}
