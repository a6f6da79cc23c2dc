import type { Stage } from '$lib/domain/stages';

/** One card as every board screen sees it (phones and credentials stay off this shape). */
export interface BoardCard {
	id: string;
	folio: number;
	stage: Stage;
	position: number;
	version: number;
	fullName: string;
	colonia: string | null;
	zoneId: string | null;
	zoneName: string | null;
	planId: string | null;
	planName: string | null;
	contractType: string | null;
	installationDate: string | null;
	installationTime: string | null;
	technicianId: string | null;
	technicianName: string | null;
	technicianColor: string | null;
	stageChangedAt: string;
	cancelReason: string | null;
	cancelNote: string | null;
	/** Installation sheet / contract signed (the "firmada" guard reads these). */
	sheetSigned: boolean;
	contractSigned: boolean;
	/** "faltan 2 documentos" for the next stage, or null. */
	badge: string | null;
	/** The Spanish reasons behind the badge. */
	missing: string[];
}

export interface BoardSettings {
	wipLimits: Partial<Record<Stage, number | null>>;
	sla: Partial<Record<Stage, { warnHours: number; lateHours: number }>>;
	recentDays: number;
}

export interface BoardSnapshot {
	cards: BoardCard[];
	/** All cards per stage in the database, before the "recent only" cut of activa/cancelada. */
	totals: Partial<Record<Stage, number>>;
	lastSeq: number;
	settings: BoardSettings;
	serverTime: string;
}

/**
 * Server → client: one card changed. `card` is null when it was deleted or left the viewer's scope;
 * a technician then gets kind `card:removed` with no author, nothing more about the card.
 */
export interface CardEvent {
	seq: number;
	cardId: string;
	kind: string;
	version: number;
	card: BoardCard | null;
	actorId: string | null;
}

export interface PresenceUser {
	userId: string;
	name: string;
	color: string | null;
	/** The card this person has open, if any. */
	cardId: string | null;
}

export interface MoveRequest {
	cardId: string;
	toStage: Stage;
	beforeId?: string | null;
	afterId?: string | null;
	version: number;
	overrideReason?: string | null;
	/** Required when moving into "cancelada" (unless the card already has one). */
	cancelReason?: 'sin_cobertura' | 'declino' | 'no_localizable' | 'duplicado' | 'otro' | null;
	cancelNote?: string | null;
}

export type MoveResult =
	| { ok: true; card: BoardCard; seq: number | null }
	| { ok: false; status: number; message: string; reasons: string[]; overridable: boolean; card: BoardCard | null };

/** The socket event map, shared by the server and the client. */
export interface ServerToClient {
	/** Board events in seq order; several at once when they arrive close together. */
	'cards:changed': (events: CardEvent[]) => void;
	'presence:update': (users: PresenceUser[]) => void;
	'board:resync': () => void;
	'session:ended': (message: string) => void;
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
