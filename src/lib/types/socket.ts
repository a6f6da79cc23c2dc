import type { BoardSnapshot, CardEvent, ColumnPage, MoveRequest, MoveResult, PageRequest, PresenceUser } from './board';

/** The socket event map, shared by the server and the client. */
export interface ServerToClient {
	/** Board events in seq order; several at once when they arrive close together. */
	'cards:changed': (events: CardEvent[]) => void;
	'presence:update': (users: PresenceUser[]) => void;
	'board:resync': () => void;
	'session:ended': (message: string) => void;
	/** This person's notices changed (a new one, or read elsewhere): read them again. */
	'notifications:changed': () => void;
	/** «Mis llamadas»: someone took or let go of a lead; the queue re-reads. */
	'callqueue:changed': () => void;
}

export interface ClientToServer {
	'card:move': (req: MoveRequest, ack: (res: MoveResult) => void) => void;
	/**
	 * Catch-up after a gap or reconnect: one event per changed card with its current state (seqs are
	 * not contiguous; set lastSeq from the answer), or a full snapshot when the gap is too old.
	 */
	'board:since': (
		req: { lastSeq: number },
		ack: (res: { events: CardEvent[]; lastSeq: number } | { snapshot: BoardSnapshot } | { error: string }) => void
	) => void;
	/** The next cards of one column (the page brought each column's first ones). */
	'board:page': (req: PageRequest, ack: (res: ColumnPage | { error: string; message?: string }) => void) => void;
	/** Reports the card this person has open (null when they close it). */
	'presence:open': (req: { cardId: string | null }) => void;
	heartbeat: (ack: (res: { serverTime: string; lastSeq: number }) => void) => void;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- conditional types over the event map */
/** The answer type of a client→server event (the argument of its ack). */
export type AckOf<E extends keyof ClientToServer> = ClientToServer[E] extends (ack: (res: infer R) => void) => void
	? R
	: ClientToServer[E] extends (req: any, ack: (res: infer R) => void) => void
		? R
		: never;
/** The payload of a client→server event (undefined for events that only carry an ack). */
export type PayloadOf<E extends keyof ClientToServer> = ClientToServer[E] extends (ack: (res: any) => void) => void
	? undefined
	: ClientToServer[E] extends (req: infer P, ...rest: any[]) => void
		? P
		: undefined;
