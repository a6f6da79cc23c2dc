import type { IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';
import type { Database } from '../db';
import { MUST_CHANGE_PASSWORD, SESSION_COOKIE, validateSessionToken, type SessionUser } from '../auth';

export interface SocketData {
	user: SessionUser;
	sessionId: string;
	/** The card this person has open, for presence. */
	cardId?: string | null;
}

export function readCookie(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
	}
	return null;
}

/** Cross-site pages must not open sockets with our cookie: the Origin must be this host. */
export function originAllowed(req: IncomingMessage): boolean {
	const origin = req.headers.origin;
	if (!origin) return true; // non-browser clients send no Origin; they still need a session
	const allowed = process.env.ORIGIN;
	if (allowed) return origin === allowed;
	try {
		return new URL(origin).host === req.headers.host;
	} catch {
		return false;
	}
}

export function socketAuth(db: Database) {
	return async (socket: Socket, next: (err?: Error) => void) => {
		try {
			const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
			const result = token ? await validateSessionToken(db, token) : null;
			if (!result) return next(new Error('Sesión no válida. Vuelve a iniciar sesión.'));
			if (result.user.mustChangePassword) return next(new Error(MUST_CHANGE_PASSWORD));
			(socket.data as SocketData) = { user: result.user, sessionId: result.session.id, cardId: null };
			next();
		} catch {
			next(new Error('No pudimos validar tu sesión. Intenta de nuevo.'));
		}
	};
}
