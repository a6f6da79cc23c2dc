// Shared by the server (which builds these) and the board's client (which renders them): neither side owns them.
import type { Stage } from '$lib/domain/stages';
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
	/** "faltan 2 documentos" for the next stage, or null. */
	badge: string | null;
	/** The Spanish reasons behind the badge. */
	missing: string[];
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
	/** Required when moving into "cancelada": a key of the provider's list (settings.cancelReasons). */
	cancelReason?: string | null;
	cancelNote?: string | null;
	/** The deposit-refund checklist, when the card was «firmada» or «activa». */
	refundChecklist?: RefundChecklist | null;
}

export type MoveResult =
	| { ok: true; card: BoardCard; seq: number | null }
	| { ok: false; status: number; message: string; reasons: string[]; overridable: boolean; card: BoardCard | null };
