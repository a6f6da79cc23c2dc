import { isConnectionError, outage } from './db/outage';

const KEY = Symbol.for('tablero.processFaults');

/** What a log line needs to find the cause: the driver's code and the statement, never its parameters. */
export function describeFault(err: unknown): string {
	if (!(err instanceof Error)) return String(err);
	const e = err as Error & { code?: string; query?: string; cause?: unknown };
	const parts = [`${e.name}: ${e.message}`];
	if (e.code) parts.push(`código ${e.code}`);
	if (typeof e.query === 'string') parts.push(`consulta: ${e.query.replace(/\s+/g, ' ').slice(0, 200)}`);
	if (e.cause instanceof Error) parts.push(`causa: ${describeFault(e.cause)}`);
	return parts.join(' · ') + (e.stack ? `\n${e.stack}` : '');
}

/**
 * The last line of defence, not the handling: every database promise has its own. A rejection
 * that slips through because the database connection dropped is logged with its statement and
 * the server stays up (the outage gate answers 503 until the database is back). Anything else is
 * a bug: it is logged the same way and the process exits, as Node would, so the supervisor
 * restarts it and the bug is seen instead of leaving the server in a state nobody planned.
 */
export function faultHandlers(exit: (code: number) => void) {
	return {
		rejection(reason: unknown): void {
			if (isConnectionError(reason)) {
				outage.markDown();
				console.error(
					`Promesa rechazada sin manejar (se perdió la conexión con la base de datos; el servidor sigue): ${describeFault(reason)}`
				);
				return;
			}
			console.error(`Promesa rechazada sin manejar; el proceso termina para reiniciarse: ${describeFault(reason)}`);
			exit(1);
		},
		exception(err: unknown, origin: string): void {
			console.error(`Excepción no capturada (${origin}); el proceso termina para reiniciarse: ${describeFault(err)}`);
			exit(1);
		}
	};
}

export function installFaultHandlers(): void {
	const holder = globalThis as Record<symbol, unknown>;
	if (holder[KEY]) return;
	holder[KEY] = true;
	const handlers = faultHandlers((code) => process.exit(code));
	process.on('unhandledRejection', handlers.rejection);
	process.on('uncaughtException', handlers.exception);
}
