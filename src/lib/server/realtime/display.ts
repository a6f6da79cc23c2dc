import type { Server, Socket } from 'socket.io';
import type { Database } from '../db';
import * as boardEvents from '../db/board-events';
import type { Projected } from './notification';
import { domainEvents } from '../events';
import { RateLimiter } from '../rate-limit';
import type { SocketLimits } from './limits';
import { ServiceError } from '../services/errors';
import {
	displayByToken,
	displayEventsSince,
	displaySnapshot,
	displayStillActive,
	toDisplayCard,
	touchDisplay,
	type DisplayViewer
} from '../services/displays';
import { displaySinceSchema } from '$lib/schemas/displays';
import type { DisplayEvent } from '$lib/schemas/displays';

export const DISPLAY_NAMESPACE = '/pantalla';
export const displayRoom = (orgId: string) => `display:${orgId}`;
const tokenRoom = (tokenId: string) => `display-token:${tokenId}`;
/** The one message a revoked screen gets; the client shows "Pantalla desactivada". */
export const REVOKED = 'display:revoked';

/** The only events a display may send; all read-only. Anything else is dropped. */
const ALLOWED = new Set(['display:snapshot', 'display:since', 'heartbeat']);

interface DisplayData {
	viewer: DisplayViewer;
}

type Ack = (res: unknown) => void;

/**
 * The office TV: its own namespace, authenticated by the display token in the handshake `auth`
 * (never a cookie), so none of the board's mutating handlers exist here.
 */
export function registerDisplay(io: Server, db: Database, limits: SocketLimits): void {
	const nsp = io.of(DISPLAY_NAMESPACE);
	// A TV asks for a snapshot a minute and a heartbeat every few seconds; 60 per 10 s is generous.
	// Its events also count against the address's budget, shared with the board's sockets.
	const limiter = new RateLimiter(60, 10_000);

	// Before the token lookup: a handshake flood never reaches the database.
	nsp.use(limits.handshake);
	nsp.use(async (socket, next) => {
		try {
			const viewer = await displayByToken(db, (socket.handshake.auth as { token?: unknown } | undefined)?.token);
			(socket.data as DisplayData) = { viewer };
			next();
		} catch (err) {
			// The client tells "revoked" (stop for good) from a transient failure (retry).
			next(new Error(err instanceof ServiceError ? REVOKED : 'Servicio no disponible, reintentando.'));
		}
	});

	nsp.on('connection', (socket: Socket) => {
		const { viewer } = socket.data as DisplayData;
		// Rooms only after the token check above.
		void socket.join([displayRoom(viewer.orgId), tokenRoom(viewer.tokenId)]);
		touchDisplay(db, viewer.tokenId).catch(() => {});
		socket.use(limits.sizeCap(socket, limiter));

		const answer = (run: (raw: unknown) => Promise<unknown>) => async (raw: unknown, maybeAck?: unknown) => {
			const ack: Ack = typeof maybeAck === 'function' ? (maybeAck as Ack) : typeof raw === 'function' ? (raw as Ack) : () => {};
			if (!limits.allowEvent(socket, limiter)) return ack({ error: 'Demasiadas solicitudes.' });
			try {
				// Backstop for a revoke that happened on another instance without an adapter.
				if (!(await displayStillActive(db, viewer.tokenId))) {
					socket.emit(REVOKED);
					socket.disconnect(true);
					return;
				}
				ack(await run(raw));
			} catch {
				ack({ error: 'No se pudo leer el tablero.' });
			}
		};

		socket.on(
			'display:snapshot',
			answer(async () => {
				void touchDisplay(db, viewer.tokenId).catch(() => {});
				return { snapshot: await displaySnapshot(db, viewer) };
			})
		);
		socket.on(
			'display:since',
			answer(async (raw) => {
				const parsed = displaySinceSchema.safeParse(raw);
				if (!parsed.success) return { error: 'Datos no válidos.' };
				return displayEventsSince(db, viewer, parsed.data.lastSeq);
			})
		);
		socket.on('heartbeat', (maybeAck?: unknown) => {
			const ack: Ack = typeof maybeAck === 'function' ? (maybeAck as Ack) : () => {};
			if (!limits.allowEvent(socket, limiter)) return ack({ error: 'Demasiadas solicitudes.' });
			boardEvents
				.newestSeq(db, viewer.orgId)
				.then((lastSeq) => ack({ serverTime: new Date().toISOString(), lastSeq }))
				.catch(() => ack({ error: 'Sin base de datos.' }));
		});
		// A display never mutates: any other event (card:move, presence:open…) is answered with a refusal.
		socket.onAny((event: string, ...args: unknown[]) => {
			if (ALLOWED.has(event)) return;
			const ack = args.find((a) => typeof a === 'function') as Ack | undefined;
			ack?.({ ok: false, status: 403, message: 'Una pantalla solo puede mirar el tablero.' });
		});
	});

	domainEvents.on('display:revoked', ({ tokenId }) => {
		// Through the adapter these reach the token's screens on every instance.
		nsp.in(tokenRoom(tokenId)).emit(REVOKED);
		nsp.in(tokenRoom(tokenId)).disconnectSockets(true);
	});
}

/** Redacted card events for open displays of this provider (first name + colonia only). */
export function emitToDisplays(io: Server, orgId: string, p: Projected): void {
	const nsp = io.of(DISPLAY_NAMESPACE);
	const room = displayRoom(orgId);
	if (!nsp.adapter.rooms.get(room)?.size) return;
	const card = p.event.card && p.event.card.stage !== 'cancelada' ? toDisplayCard(p.event.card) : null;
	const event: DisplayEvent = { seq: p.event.seq, cardId: p.event.cardId, version: p.event.version, card };
	// local: every instance LISTENs on the database and serves its own screens.
	nsp.local.to(room).emit('display:card', event);
}
