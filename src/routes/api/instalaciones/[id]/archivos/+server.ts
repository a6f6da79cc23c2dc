import { json } from '@sveltejs/kit';
import { listFiles, uploadFile } from '$lib/server/services/files';
import { readUpload } from '$lib/server/upload-body';
import { endpoint } from '$lib/server/http/endpoint';

export const GET = endpoint({ noStore: true }, ({ db, user, params }) => listFiles(db, user, params.id));

/** One file per request (multipart: file, category, name) so the browser can show per-file progress. */
export const POST = endpoint({}, async ({ db, user, params, request }) => {
	const form = await readUpload(db, user, request);
	return json(await uploadFile(db, user, { installationId: params.id, ...form }), { status: 201 });
});
