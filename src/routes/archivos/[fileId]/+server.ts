import { getDb } from '$lib/server/db';
import { downloadFile } from '$lib/server/services/files';
import { toHttpError } from '$lib/server/forms';

export async function GET({ locals, params, url }) {
	try {
		const how = url.searchParams.has('descargar') ? 'download' : 'view';
		const file = await downloadFile(await getDb(), locals.user, params.fileId, url.searchParams.has('miniatura'), undefined, how);
		const inline = /^(image\/(jpeg|png|webp)|application\/pdf)$/.test(file.mime) && !url.searchParams.has('descargar');
		return new Response(file.bytes as BodyInit, {
			headers: {
				'content-type': file.mime,
				'content-length': String(file.bytes.byteLength),
				'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
				'x-content-type-options': 'nosniff',
				'cache-control': 'private, max-age=300',
				// A PDF opened inline must not run scripts or load anything in our origin.
				'content-security-policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"
			}
		});
	} catch (err) {
		toHttpError(err);
	}
}
