import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The app's one logger: JSON lines on stdout (pino), one object per event, with the request id of
 * the request being served when there is one. Secrets and personal data never reach a line: the
 * fields that could carry them are replaced (REDACTED_PATHS), and callers log ids, not people.
 * LOG_LEVEL picks how much (default `info`; `debug` adds a line per request).
 */

interface RequestContext {
	requestId: string;
}

const context = new AsyncLocalStorage<RequestContext>();

/** Fields that may hold a credential or a person's data, at the top level or one level down. */
export const REDACTED_PATHS = [
	'password',
	'newPassword',
	'token',
	'secret',
	'cookie',
	'authorization',
	'email',
	'phone',
	'*.password',
	'*.newPassword',
	'*.token',
	'*.secret',
	'*.cookie',
	'*.authorization',
	'*.email',
	'*.phone',
	'headers.cookie',
	'headers.authorization',
	'headers["set-cookie"]',
	'req.headers.cookie',
	'req.headers.authorization'
];

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL || 'info'): Logger {
	return pino(
		{
			level,
			base: { pid: process.pid },
			timestamp: pino.stdTimeFunctions.isoTime,
			formatters: { level: (label) => ({ level: label }) },
			redact: { paths: REDACTED_PATHS, censor: '[oculto]' },
			// A line that names its request (handleError does) keeps it; the rest get the context's.
			mixin: (fields: object) => {
				const ctx = context.getStore();
				return ctx && !('requestId' in fields) ? { requestId: ctx.requestId } : {};
			}
		},
		destination
	);
}

const KEY = Symbol.for('tablero.log');
type Holder = { [KEY]?: Logger };

/** The process-wide logger (the custom server and the app bundle share it). */
export function getLog(): Logger {
	const holder = globalThis as Holder;
	return (holder[KEY] ??= createLogger());
}

/** Tests: send the log to `destination` until the returned function puts it back. */
export function captureLog(destination: DestinationStream, level = 'debug'): () => void {
	const holder = globalThis as Holder;
	const before = holder[KEY];
	holder[KEY] = createLogger(destination, level);
	return () => {
		holder[KEY] = before;
	};
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's or proxy's X-Request-Id when it is a plain token, otherwise a new one. */
export function requestIdFrom(header: string | null): string {
	return header && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Runs fn with this request id on every line logged inside it, awaited work included. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
	return context.run({ requestId }, fn);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
	return context.getStore()?.requestId;
}
