import { ServiceError } from './services/errors';

/** Card endpoints take small JSON bodies; anything else is refused with a Spanish sentence. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
	const text = await request.text();
	if (text.length > maxBytes) throw new ServiceError(413, 'Los datos enviados son demasiado grandes.');
	if (!text.trim()) return {};
	try {
		return JSON.parse(text);
	} catch {
		throw new ServiceError(400, 'No pudimos leer los datos enviados: recarga la página e intenta de nuevo.');
	}
}
