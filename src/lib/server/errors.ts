/**
 * A refusal the user can act on; `message` is always a Spanish sentence. It lives below the
 * services so that the database modules, the PDF engine and the file store can refuse too
 * without importing a service.
 */
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
