import { json } from '@sveltejs/kit';
import { uploadQueuedPhoto } from '$lib/server/services/technician-sync';
import { readUpload } from '$lib/server/upload-body';
import { endpoint } from '$lib/server/http/endpoint';

/** A photo from the phone's queue (multipart «file»), once per Idempotency-Key header. */
export const POST = endpoint({ roles: ['technician'], what: 'subir fotos de técnico' }, async ({ db, user, params, request }) => {
	const form = await readUpload(db, user, request);
	const key = request.headers.get('idempotency-key');
	return json(await uploadQueuedPhoto(db, user, { installationId: params.id, key, fileName: form.fileName, bytes: form.bytes }), {
		status: 201
	});
});
