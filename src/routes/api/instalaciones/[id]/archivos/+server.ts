import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listFiles, uploadFile } from '$lib/server/services/files';
import { readUpload } from '$lib/server/upload-body';
import { jsonError } from '$lib/server/json-error';

export async function GET({ locals, params }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		return json(await listFiles(await getDb(), locals.user, params.id), { headers: { 'cache-control': 'private, no-store' } });
	} catch (err) {
		return jsonError(err);
	}
}

/** One file per request (multipart: file, category, name) so the browser can show per-file progress. */
export async function POST({ locals, params, request }) {
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		const db = await getDb();
		const form = await readUpload(db, locals.user, request);
		return json(await uploadFile(db, locals.user, { installationId: params.id, ...form }), { status: 201 });
	} catch (err) {
		return jsonError(err);
	}
}
