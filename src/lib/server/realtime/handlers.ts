import type { Server, Socket } from 'socket.io';
import type { Database } from '../db';
import { domainEvents } from '../events';
import { moveCard } from '../services/moves';
import { boardColumnPage, lastSeq } from '../services/board';
import { refusalOf } from '../services/errors';
import { moveSchema, presenceSchema, sinceSchema } from '$lib/schemas/board';
import { wellFormedInput } from '$lib/schemas/common';
import { TOO_MANY_ACTIONS, type SocketLimits } from './limits';
import { eventsSince } from './catch-up';
import { staffRoom, techRoom, techsRoom } from './fanout';
import { publishPresence } from './presence';
import type { SocketData } from './socket-auth';
import type { MoveResult } from '$lib/types/board';
import { getLog } from '../log';
import { coded } from '$lib/domain/coded';
import { translate } from '$lib/i18n/translate';

const BAD_INPUT = 'Datos no válidos: recarga el tablero.';
const SESSION_ENDED = 'Tu sesión terminó. Vuelve a iniciar sesión.';

/** Wraps a handler: validates the payload, rate-limits the socket and its address, never throws into socket.io. */
function guarded<T>(
	socket: Socket,
	limits: SocketLimits,
	parse: (raw: unknown) => T,
	fn: (input: T, ack: (res: unknown) => void) => Promise<void>
) {
	return async (first: unknown, second?: unknown) => {
		// Events without a payload (heartbeat) arrive with the ack as their only argument.
		const [raw, maybeAck] = typeof first === 'function' && second === undefined ? [undefined, first] : [first, second];
		const ack = typeof maybeAck === 'function' ? (maybeAck as (res: unknown) => void) : () => {};
		if (!limits.allowEvent(socket)) return ack({ ok: false, status: 429, message: TOO_MANY_ACTIONS, error: 'rate' });
		let input: T;
		try {
			input = parse(wellFormedInput.parse(raw));
		} catch {
			// Malformed payloads are dropped with an answer; the connection stays up.
			return ack({
				ok: false,
				status: 400,
				message: BAD_INPUT,
				code: coded('error.bad_input'),
				reasons: [],
				overridable: false,
				card: null,
				error: BAD_INPUT
			});
		}
		try {
			await fn(input, ack);
		} catch (err) {
			const refusal = refusalOf(err);
			const code = refusal ? refusal.coded : coded('error.unexpected');
			const message = refusal ? refusal.message : translate(code!, 'es');
			if (!refusal) getLog().error({ err }, 'Error en un evento del tablero');
			ack({
				ok: false,
				status: refusal ? refusal.status : 500,
				message,
				code,
				reasons: [],
				overridable: false,
				card: null,
				error: message
			});
		}
	};
}

export function registerHandlers(io: Server, db: Database, limits: SocketLimits): void {
	io.on('connection', (socket) => {
		const { user } = socket.data as SocketData;
		// Rooms are joined only here, after the session check in the middleware passed.
		const rooms = [`user:${user.id}`];
		if (user.role === 'technician') rooms.push(techRoom(user.orgId, user.id), techsRoom(user.orgId));
		else rooms.push(staffRoom(user.orgId));
		void socket.join(rooms);
		(socket.data as SocketData).cardId = null;
		socket.use(limits.sizeCap(socket));
		void publishPresence(io, user.orgId);

		socket.on(
			'card:move',
			guarded(
				socket,
				limits,
				(raw) => moveSchema.parse(raw),
				async (req, ack) => {
					const res: MoveResult = await moveCard(db, user, req);
					ack(res);
				}
			)
		);
		socket.on(
			'board:since',
			guarded(
				socket,
				limits,
				(raw) => sinceSchema.parse(raw),
				async ({ lastSeq: since }, ack) => {
					ack(await eventsSince(db, user, since));
				}
			)
		);
		// The next cards of a column the viewer scrolled to (the first ones came with the page); the
		// service validates the request and scopes the cards like the board: a technician gets only their own.
		socket.on(
			'board:page',
			guarded(
				socket,
				limits,
				// The service parses it (pageSchema): a bad request is answered with its Spanish message.
				(raw) => raw,
				async (req, ack) => {
					ack(await boardColumnPage(db, user, req));
				}
			)
		);
		socket.on(
			'presence:open',
			guarded(
				socket,
				limits,
				(raw) => presenceSchema.parse(raw),
				async ({ cardId }, ack) => {
					(socket.data as SocketData).cardId = cardId;
					ack({ ok: true });
					await publishPresence(io, user.orgId);
				}
			)
		);
		socket.on(
			'heartbeat',
			guarded(
				socket,
				limits,
				() => null,
				async (_none, ack) => {
					ack({ serverTime: new Date().toISOString(), lastSeq: await lastSeq(db, user.orgId) });
				}
			)
		);
		socket.on('disconnect', () => void publishPresence(io, user.orgId));
	});

	domainEvents.on('user:sessions-revoked', ({ userId, keepSessionId }) => {
		if (!keepSessionId) {
			io.in(`user:${userId}`).emit('session:ended', SESSION_ENDED);
			io.in(`user:${userId}`).disconnectSockets(true);
			return;
		}
		// A password change keeps the session that made it: only the others' sockets go.
		void io
			.in(`user:${userId}`)
			.fetchSockets()
			.then((sockets) => {
				for (const s of sockets) {
					if ((s.data as SocketData).sessionId === keepSessionId) continue;
					s.emit('session:ended', SESSION_ENDED);
					s.disconnect(true);
				}
			})
			.catch((err: unknown) => console.error('session sockets', err));
	});
	// «Mis llamadas»: a lead was taken or let go; the office's queues re-read (across instances via the adapter).
	domainEvents.on('call-queue:changed', ({ orgId }) => {
		io.to(staffRoom(orgId)).emit('callqueue:changed');
	});
}
