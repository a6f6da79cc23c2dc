// What the card panel shows, shared by the server that reads it and the components that render it.
// The server's row types (db/cards.ts, db/history.ts…) come from its SQL and must stay assignable to
// these: the page that hands a loaded panel to <CardPanel> is where svelte-check holds them together.
import type { GuardCard, Stage } from '$lib/domain/stages';
import type { CallScriptState } from '$lib/schemas/call-script';
import type { CardField, FieldValue } from '$lib/schemas/card';

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
	billing: unknown;
	/** Sum of the payments taken that stand (voided ones excluded), in centavos. */
	paidCents: number;
	serviceType: 'inalambrico' | 'fibra' | null;
	cpeMac: string | null;
	onuSerial: string | null;
	routerModel: string | null;
	dni: string | null;
}

/** One line of a card's history: a field edit, a document event or a stage change. */
export interface HistoryEntry {
	id: string;
	kind: string;
	field: string | null;
	oldValue: unknown;
	newValue: unknown;
	source: string | null;
	userId: string | null;
	userName: string | null;
	overrideReason: string | null;
	at: string;
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
	history: HistoryEntry[];
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
