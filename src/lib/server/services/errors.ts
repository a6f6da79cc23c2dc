import { z } from 'zod';

import { ServiceError } from '../errors';
import { getLog } from '../log';

export { ServiceError };

export const forbidden = (msg = 'No tienes permiso para hacer esto. Pide ayuda a un administrador.') => new ServiceError(403, msg);

export const notFound = (msg = 'No encontramos lo que buscas. Puede que se haya eliminado.') => new ServiceError(404, msg);

export const DATA_EXCEPTION_MESSAGE =
	'Algún dato tiene un valor que no se puede guardar (caracteres o fecha no válidos): revísalo e inténtalo de nuevo.';

/** SQLSTATE class 22 ("data exception"): bad encoding, a NUL byte, a value out of range, an impossible date. */
function isDataException(err: unknown): boolean {
	// Drizzle wraps the driver's error in `cause`.
	for (
		let e = err as { code?: unknown; cause?: unknown } | null, depth = 0;
		e && typeof e === 'object' && depth < 5;
		e = e.cause as typeof e, depth++
	) {
		if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
	}
	return false;
}

/**
 * The refusal an error stands for, or null for a real bug. Schemas refuse bad input first; this is
 * the last line for a value that slipped past them and that the database (or a stray zod parse)
 * refused: the user's data, not our crash, so a Spanish 400 instead of a 500.
 */
export function refusalOf(err: unknown): ServiceError | null {
	if (err instanceof ServiceError) return err;
	if (err instanceof z.ZodError) return new ServiceError(400, err.issues[0]?.message ?? DATA_EXCEPTION_MESSAGE);
	if (isDataException(err)) {
		getLog().warn({ err: (err as Error).message }, 'Valor rechazado por la base de datos (falta validarlo antes)');
		return new ServiceError(400, DATA_EXCEPTION_MESSAGE);
	}
	return null;
}
