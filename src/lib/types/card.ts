// What the card panel shows, shared by the server that reads it and the components that render it.
// The server's row types (db/cards.ts, db/history.ts…) come from its SQL and must stay assignable to
// these: the page that hands a loaded panel to <CardPanel> is where svelte-check holds them together.
import type { GuardCard, Stage } from '$lib/domain/stages';
import type { CallScriptState } from '$lib/schemas/call-script';
import type { CardField, FieldValue } from '$lib/schemas/card';
import type { WispHubCardState } from './wisphub';
import type { DuplicateView } from './duplicates';
import type { CallOutcome } from '$lib/domain/follow-up';
import type { FollowUpPanel } from './lead-calls';

/** One card in full (its panel and page), with the joined names. */
export interface CardDetail extends GuardCard {
	orgId: string;
	folio: number;
	position: number;
	version: number;
	stageChangedAt: string;
	createdAt: string;
	fullName: string;
	zoneName: string | null;
	planName: string | null;
	technicianName: string | null;
	technicianColor: string | null;
	installationTime: string | null;
	cancelledAt: string | null;
	/** The WispHub sync of this card (null when it was never queued). */
	wisphubState: WispHubCardState | null;
	wisphubId: string | null;
	wisphubError: string | null;
	billing: unknown;
	/** Sum of the payments taken that stand (voided ones excluded), in centavos. */
	paidCents: number;
	serviceType: 'inalambrico' | 'fibra' | null;
	cpeMac: string | null;
	onuSerial: string | null;
	routerModel: string | null;
	dni: string | null;
	/** Folios of the cards this one may duplicate (open pairs): the board's badge. */
	duplicateOf: number[];
	/** The follow-up at a glance (issue 20): attempts, the last one and when to call again (ISO). */
	callAttempts: number;
	lastCallAt: string | null;
	lastCallOutcome: CallOutcome | null;
	nextContactAt: string | null;
}

/** One line of a card's history: a field edit, a document event or a stage change. */
/** One change of an action as the reader sees it: a label and formatted values (null = empty). */
export interface HistoryChange {
	label: string;
	from: string | null;
	to: string | null;
}

/** One user action in a card's history: the rows one transaction wrote, already readable. */
export interface HistoryEntry {
	id: string;
	at: string;
	userId: string | null;
	userName: string | null;
	/** The kinds of change it made (field, stage, file…), for the badge and the filter. */
	kinds: string[];
	/** Where it was done («la tarjeta», «el calendario»…), in the reader's language. */
	source: string | null;
	changes: HistoryChange[];
	overrideReason: string | null;
}

export interface PlanOption {
	id: string;
	kind: 'internet' | 'television' | 'telefonia';
	name: string;
	priceCents: number;
	speedMbps: number | null;
	usageTier: 'basico' | 'intermedio' | 'alto' | null;
	description: string | null;
}

export interface ChecklistItemView {
	templateId: string;
	stage: Stage;
	label: string;
	autoRule: string | null;
	done: boolean;
	doneBy: string | null;
	doneAt: string | null;
}

/** Everything the card panel shows, in one load (the page) or one request (the panel's refresh). */
export interface CardPanelData {
	card: CardDetail;
	detail: {
		values: Record<CardField, FieldValue>;
		callScript: CallScriptState;
		coordinatesRaw: string | null;
		coverageConfirmedAt: string | null;
		source: string | null;
	};
	checklist: ChecklistItemView[];
	/** The calls recorded on the card, the «no localizable» suggestion and the cadence rules. */
	followUp: FollowUpPanel;
	/** Open possible-duplicate pairs (office roles only). */
	duplicates: DuplicateView[];
	history: HistoryEntry[];
	/** For a card synced to WispHub: the fields WispHub holds that changed on the board since (Spanish labels). */
	wisphubChanged: string[];
	plans: PlanOption[];
	zones: { id: string; name: string }[];
	settings: {
		cities: string[];
		howHeard: string[];
		objectionSnippets: { title: string; text: string }[];
		installationCostCents: number;
		depositCents: number;
		promotionFreeInstallation: boolean;
	};
}
