import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { checkCoverage, confirmCoverage, markNoCoverage } from '$lib/server/services/coverage';
import { jsonError } from '$lib/server/json-error';
import { readJson } from '$lib/server/card-http';

/** {action: 'sugerir' | 'confirmar' | 'sin_cobertura', …}. */
export async function POST({ locals, params, request }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		const db = await getDb();
		const body = (await readJson(request)) as { action?: string };
		if (body?.action === 'confirmar') return json(await confirmCoverage(db, locals.user, params.id, body));
		if (body?.action === 'sin_cobertura') return json(await markNoCoverage(db, locals.user, params.id, body).then(() => ({ ok: true })));
		return json(await checkCoverage(db, locals.user, body));
	} catch (err) {
		return jsonError(err);
	}
}
