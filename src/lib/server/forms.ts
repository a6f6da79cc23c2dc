import type { IncomingMessage } from 'node:http';
import { fail, error, type ActionFailure } from '@sveltejs/kit';
import { refusalOf } from './services/errors';
import { getDb, type Database } from './db';
import { formToObject } from './validation';
import { clientAddress, isLoopbackClient } from './client-address';
import type { Coded } from '$lib/domain/coded';
import { inReadersLanguage } from './errors';

export interface FormFailure {
	/** In the request's language; `code` is the same sentence as a message code, when the service gave one. */
	message: string;
	code?: Coded;
	errors: Record<string, string[]>;
	values?: Record<string, string>;
}

/** Maps a service refusal to a form failure; anything else is a real bug and is rethrown. */
export function toFail(err: unknown, values?: Record<string, string>): ActionFailure<FormFailure> {
	const refusal = refusalOf(err);
	if (refusal) {
		const safeValues = values && Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
		const { message, errors } = inReadersLanguage(refusal);
		return fail(refusal.status, { message, code: refusal.coded, errors, values: safeValues });
	}
	throw err;
}

/** For load functions and endpoints: a ServiceError becomes an HTTP error with its Spanish message. */
export function toHttpError(err: unknown): never {
	const refusal = refusalOf(err);
	if (refusal) error(refusal.status, inReadersLanguage(refusal).message);
	throw err;
}

/**
 * The client's address for rate limits and evidence (sessions, signatures). In production
 * adapter-node hands us the Node request, which we read with the same function as the socket
 * handshakes; under `vite dev` there is no proxy and getClientAddress() is the TCP peer.
 */
export function clientIp(event: { getClientAddress(): string; platform?: unknown }): string {
	const req = (event.platform as { req?: IncomingMessage } | undefined)?.req;
	if (req) return clientAddress(req.headers, req.socket?.remoteAddress);
	try {
		return clientAddress({}, event.getClientAddress());
	} catch {
		return 'desconocida';
	}
}

/** The client is this machine (health details, metrics); behind a proxy only the proxy's header counts. */
export function isLocalClient(event: { getClientAddress(): string; platform?: unknown }): boolean {
	const req = (event.platform as { req?: IncomingMessage } | undefined)?.req;
	if (req) return isLoopbackClient(req.headers, req.socket?.remoteAddress);
	try {
		return isLoopbackClient({}, event.getClientAddress(), { header: '', depth: 1 });
	} catch {
		return false;
	}
}

type Actor = NonNullable<App.Locals['user']>;

/**
 * The usual form action: the posted fields go to one service call; success answers
 * `{ saved: true }`, a service refusal becomes the form's Spanish messages.
 */
export function saveAction(save: (db: Database, actor: Actor, values: Record<string, string>) => Promise<unknown>) {
	return async ({ request, locals }: { request: Request; locals: App.Locals }) => {
		const values = formToObject(await request.formData());
		try {
			await save(await getDb(), locals.user!, values);
			return { saved: true as const };
		} catch (err) {
			return toFail(err, values);
		}
	};
}
