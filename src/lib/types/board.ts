// Shared by the server (which builds these) and the board's client (which renders them): neither side owns them.
import type { Stage } from '$lib/domain/stages';
import type { Coded } from '$lib/domain/coded';
import type { WispHubCardState } from './wisphub';
import type { CancelReasonItem, RefundChecklist } from '$lib/domain/cancel-reasons';
import type { PaymentState } from './payments';
import type { CallOutcome, FollowUpRules } from '$lib/domain/follow-up';

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
	/** When the card was registered: its total age, which moving it back and forth does not reset. */
	createdAt: string;
	cancelReason: string | null;
	cancelNote: string | null;
	/** WispHub: pendiente · enviando · sincronizado (#id) · error, with its message; null when never queued. */
	wisphub: { state: WispHubCardState; id: string | null; error: string | null } | null;
	/** Installation sheet / contract signed (the "firmada" guard reads these). */
	sheetSigned: boolean;
	contractSigned: boolean;
	/** Folios of the cards this one may duplicate (the «¿Duplicado?» badge); empty when none. */
	duplicateOf: number[];
	/** "faltan 2 documentos" for the next stage, as a message code (i18n/translate.ts words it), or null. */
	badge: Coded | null;
	/** The reasons behind the badge, as message codes. */
	missing: Coded[];
	/** Money at the door: paid / partly paid / pending once there is something to collect, else null. */
	payment: PaymentState | null;
	/** The follow-up (issue 20): call attempts, the last one (ISO, outcome) and when to call again (ISO). */
	callAttempts: number;
	lastCallAt: string | null;
	lastCallOutcome: CallOutcome | null;
	nextContactAt: string | null;
}

export interface BoardSettings {
	wipLimits: Partial<Record<Stage, number | null>>;
	sla: Partial<Record<Stage, { warnHours: number; lateHours: number }>>;
	recentDays: number;
	/** The provider's cancellation reasons, in order (the cancel dialog and the cancelled cards' labels). */
	cancelReasons: CancelReasonItem[];
	/** The office's cadence rules: the default next contact when a call is recorded from the board. */
	followUp?: FollowUpRules;
}

/** Where a column's next page starts: the last loaded card's place in the column's order. */
export interface PageCursor {
	position: number;
	id: string;
}

/** board:page's question: one column's cards after the cursor, under the board's filters (as its URL carries them). */
export interface PageRequest {
	stage: Stage;
	after: PageCursor | null;
	filters: Record<string, string>;
}

/** board:page's answer. */
export interface ColumnPage {
	cards: BoardCard[];
	/** The column's cards under the filter, loaded or not, as of this page. */
	count: number;
	/** Where the page after this one starts; null when this was the column's last. */
	next: PageCursor | null;
}

export interface BoardSnapshot {
	/** Each column's first page of cards (all of them when the snapshot carries no `more`). */
	cards: BoardCard[];
	/** All cards per stage in the database, before the "recent only" cut of activa/cancelada. */
	totals: Partial<Record<Stage, number>>;
	/** Each column's cards under the filter, loaded or not (absent: the cards are the whole board). */
	counts?: Partial<Record<Stage, number>>;
	/** The columns with cards beyond their first page, and where the next page starts (board:page). */
	more?: Partial<Record<Stage, PageCursor>>;
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
	/**
	 * The card's column before this event, when the server knew it: a card the board has not loaded
	 * yet (further down a column) still leaves that column's count when it moves or goes away.
	 */
	from?: Stage | null;
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
	/** Required when moving into "cancelada": a key of the provider's list (settings.cancelReasons). */
	cancelReason?: string | null;
	cancelNote?: string | null;
	/** The deposit-refund checklist, when the card was «firmada» or «activa». */
	refundChecklist?: RefundChecklist | null;
}

export type MoveResult =
	| { ok: true; card: BoardCard; seq: number | null }
	| {
			ok: false;
			status: number;
			/** In Spanish; `code` and `codes` say the same as message codes, for the reader's language. */
			message: string;
			reasons: string[];
			overridable: boolean;
			card: BoardCard | null;
			code?: Coded;
			codes?: Coded[];
	  };
