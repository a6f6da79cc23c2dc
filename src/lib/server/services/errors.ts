/** A refusal the user can act on; `message` is always a Spanish sentence. */
export class ServiceError extends Error {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503,
		message: string,
		readonly fieldErrors: Record<string, string[]> = {}
	) {
		super(message);
		this.name = 'ServiceError';
	}
}

export const forbidden = (msg = 'No tienes permiso para hacer esto. Pide ayuda a un administrador.') =>
	new ServiceError(403, msg);

export const notFound = (msg = 'No encontramos lo que buscas. Puede que se haya eliminado.') =>
	new ServiceError(404, msg);
