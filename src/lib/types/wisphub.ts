/** What the WispHub integration shows the admin and the card (shared by the server and the pages). */

export type WispHubJobState = 'pendiente' | 'enviando' | 'esperando' | 'sincronizado' | 'error';

/** The badge a card carries; `esperando` (the task is running) shows as «enviando». */
export type WispHubCardState = 'pendiente' | 'enviando' | 'sincronizado' | 'error';

export type MappingKind = 'zona' | 'plan' | 'tecnico';

export interface MappingRow {
	kind: MappingKind;
	remoteId: string;
	remoteName: string;
	localId: string | null;
	confirmed: boolean;
}

export interface LocalOption {
	id: string;
	name: string;
}

export interface WispHubSettingsView {
	enabled: boolean;
	baseUrl: string;
	keyLast4: string | null;
	triggerStage: string;
	fromEnv: boolean;
	appSecretSet: boolean;
	mappings: (MappingRow & { localName: string | null })[];
	options: Record<MappingKind, LocalOption[]>;
	unmapped: number;
}

export interface WispHubJobView {
	id: string;
	installationId: string;
	folio: number;
	fullName: string;
	state: WispHubJobState;
	attempts: number;
	remoteId: string | null;
	/** What was sent, passwords masked. */
	payload: Record<string, unknown> | null;
	response: unknown;
	lastError: string | null;
	updatedAt: string;
}
