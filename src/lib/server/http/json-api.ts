/** JSON endpoints of the card sections: one shape for success and for a service's Spanish refusal. */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import { refusalOf } from '../services/errors';
import type { SessionUser } from '../auth';

export function userOf(event: Pick<RequestEvent, 'locals'>): SessionUser {
	if (!event.locals.user) error(401, 'Inicia sesión para continuar.');
	return event.locals.user;
}

/** Refuses (403) before a request body is even read when the role may not do this at all. */
export function requireRole(user: SessionUser, roles: SessionUser['role'][], what: string): void {
	if (!roles.includes(user.role)) error(403, `Tu rol no permite ${what}. Pide ayuda a un coordinador.`);
}

export async function respond(fn: () => Promise<unknown>): Promise<Response> {
	try {
		return json((await fn()) ?? { ok: true });
	} catch (err) {
		const refusal = refusalOf(err);
		if (refusal) return json({ message: refusal.message, errors: refusal.fieldErrors }, { status: refusal.status });
		throw err;
	}
}

/** Reads `{ action, ...fields }` and runs the matching handler, or answers 400 in Spanish. */
export async function dispatch(
	request: Request,
	handlers: Record<string, (body: Record<string, unknown>) => Promise<unknown>>
): Promise<Response> {
	let body: Record<string, unknown>;
	try {
		body = (await request.json()) as Record<string, unknown>;
	} catch {
		return json({ message: 'La solicitud no es válida; recarga la página e inténtalo de nuevo.' }, { status: 400 });
	}
	const action = String(body?.action);
	// Own keys only: an action named «constructor» or «__proto__» must not reach Object's.
	const handler = body && typeof body === 'object' && Object.hasOwn(handlers, action) ? handlers[action] : undefined;
	if (!handler) return json({ message: 'Acción desconocida; recarga la página.' }, { status: 400 });
	return respond(() => handler(body));
}
