import type { Database } from './db';
import type { SessionUser } from './auth';
import { orgSettings } from './services/board';
import { ServiceError } from './services/errors';
import { cappedBody } from './http/body';

const OVERHEAD = 64 * 1024; // multipart boundaries and the small text fields

/**
 * Reads one multipart upload without ever holding more than the size limit: a declared
 * Content-Length over it is refused before reading, and the stream is cut as soon as it passes it.
 */
export async function readUpload(db: Database, actor: SessionUser, request: Request) {
	const { uploadMaxMb } = await orgSettings(db, actor.orgId);
	const max = uploadMaxMb * 1024 * 1024 + OVERHEAD;
	const tooBig = () =>
		new ServiceError(
			413,
			`El archivo pesa más de ${uploadMaxMb} MB, el máximo permitido. Toma la foto con menos resolución o comprime el PDF.`
		);
	let over = false;
	const limited = cappedBody(request, max, () => ((over = true), tooBig()));
	if (!limited) throw new ServiceError(400, 'No recibimos ningún archivo. Elige uno e inténtalo de nuevo.');
	let form: FormData;
	try {
		form = await new Request(request.url, {
			method: 'POST',
			headers: request.headers,
			body: limited,
			duplex: 'half'
		} as RequestInit).formData();
	} catch (err) {
		// The parser may wrap the stream's error; the flag says whether the cap cut it.
		if (over) throw tooBig();
		throw new ServiceError(400, 'No pudimos leer el archivo enviado. Inténtalo de nuevo.');
	}
	const file = form.get('file');
	if (!(file instanceof File)) throw new ServiceError(400, 'No recibimos ningún archivo. Elige uno e inténtalo de nuevo.');
	return {
		category: form.get('category'),
		name: form.get('name') ?? '',
		fileName: file.name.slice(0, 200),
		bytes: new Uint8Array(await file.arrayBuffer())
	};
}
