import { fail, error, type ActionFailure } from '@sveltejs/kit';
import { ServiceError } from './services/errors';

export interface FormFailure {
	message: string;
	errors: Record<string, string[]>;
	values?: Record<string, string>;
}

/** Maps a service refusal to a form failure; anything else is a real bug and is rethrown. */
export function toFail(err: unknown, values?: Record<string, string>): ActionFailure<FormFailure> {
	if (err instanceof ServiceError) {
		const safeValues = values && Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
		return fail(err.status, { message: err.message, errors: err.fieldErrors, values: safeValues });
	}
	throw err;
}

/** For load functions and endpoints: a ServiceError becomes an HTTP error with its Spanish message. */
export function toHttpError(err: unknown): never {
	if (err instanceof ServiceError) error(err.status, err.message);
	throw err;
}

export function clientIp(event: { getClientAddress(): string; request: Request }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'desconocida';
	}
}
