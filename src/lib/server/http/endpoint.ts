/**
 * The one edge of every JSON endpoint. The hook has already refused anonymous requests (and cards
 * outside the user's scope); this wrapper adds the role requirement, the capped body read, the zod
 * parse, and the mapping of a service's refusal to its status and Spanish sentence. Anything else
 * is a bug or an outage and is rethrown: the hook turns a dropped database connection into a 503.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDb, type Database } from '../db';
import type { SessionUser } from '../auth';
import { refusalOf, ServiceError } from '../services/errors';
import { parseInput } from '../validation';
import { readJsonBody } from './body';
import { inReadersLanguage } from '../errors';

type Role = SessionUser['role'];

/** A refusal as the client module reads it: `{ message, errors }` with the refusal's status. */
export function refusalResponse(err: unknown): Response {
	const refusal = refusalOf(err);
	if (refusal) {
		const { message, errors } = inReadersLanguage(refusal);
		return json({ message, code: refusal.coded, errors }, { status: refusal.status });
	}
	throw err;
}

export interface EndpointContext<B> {
	user: SessionUser;
	db: Database;
	params: Record<string, string>;
	url: URL;
	request: Request;
	body: B;
	event: RequestEvent;
}

interface Options<S extends z.ZodType | undefined> {
	/** Refused with 403 before the body is read when the user's role is not listed. */
	roles?: readonly Role[];
	/** What the role may not do, for the 403 sentence: «Tu rol no permite {what}». */
	what?: string;
	/** `true` reads a JSON body; a schema reads and parses it. Without either the body is not read. */
	body?: S | true;
	maxBytes?: number;
	/** Answers that must never be cached (a card's data is private and changes all the time). */
	noStore?: boolean;
}

type BodyOf<S> = S extends z.ZodType ? z.output<S> : unknown;

/**
 * Wraps a handler: its result becomes a 200 JSON answer (`{ ok: true }` for nothing), a Response
 * it returns goes out as is (a 201, a download, a 409 with both values).
 */
export function endpoint<S extends z.ZodType | undefined = undefined>(
	options: Options<S>,
	handler: (ctx: EndpointContext<BodyOf<S>>) => Promise<unknown>
) {
	return async (event: RequestEvent): Promise<Response> => {
		const user = event.locals.user;
		// The hook answers this for /api and the app's routes; a handler called some other way still may not run.
		if (!user) return json({ message: 'Inicia sesión para continuar.' }, { status: 401 });
		if (options.roles && !options.roles.includes(user.role)) {
			return json({ message: `Tu rol no permite ${options.what ?? 'hacer esto'}. Pide ayuda a un coordinador.` }, { status: 403 });
		}
		try {
			let body: unknown = undefined;
			if (options.body) {
				const raw = await readJsonBody(event.request, options.maxBytes);
				body = options.body === true ? raw : parseInput(options.body, raw);
			}
			const result = await handler({
				user,
				db: await getDb(),
				params: event.params as Record<string, string>,
				url: event.url,
				request: event.request,
				body: body as BodyOf<S>,
				event
			});
			if (result instanceof Response) return result;
			return json(result ?? { ok: true }, options.noStore ? { headers: { 'cache-control': 'private, no-store' } } : undefined);
		} catch (err) {
			return refusalResponse(err);
		}
	};
}

/** For bodies `{ action, ...fields }`: runs the handler the action names, or refuses in Spanish. */
export function byAction<R>(body: unknown, handlers: Record<string, (body: Record<string, unknown>) => Promise<R>>): Promise<R> {
	const action = body && typeof body === 'object' ? String((body as { action?: unknown }).action) : '';
	// Own keys only: an action named «constructor» or «__proto__» must not reach Object's.
	if (!action || !Object.hasOwn(handlers, action)) throw new ServiceError(400, 'Acción desconocida; recarga la página.');
	return handlers[action](body as Record<string, unknown>);
}
