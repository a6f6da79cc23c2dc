/** What the guards read from a card and the settings they obey; the rules are in stage-rules.ts. */
import type { ServiceType } from './geo';
import type { Stage } from './stage-registry';
import type { Coded } from './coded';

export type { ServiceType };

export const CONTRACT_TYPES = ['12_meses', 'indefinido'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CANCEL_REASON_LABELS = {
	sin_cobertura: 'Sin cobertura',
	declino: 'Declinó',
	no_localizable: 'No localizable',
	duplicado: 'Duplicado',
	otro: 'Otro'
} as const;
export type CancelReason = keyof typeof CANCEL_REASON_LABELS;

/** File categories the guards look for; other categories (photos, signed PDFs) may exist too. */
export const FILE_CATEGORY_LABELS: Record<string, string> = {
	ine_frontal: 'INE frontal',
	ine_atras: 'INE atrás',
	comprobante_domicilio: 'Comprobante de domicilio',
	confirmacion_12_meses: 'Confirmación contrato a 12 meses'
};

/** Mirrors the card row (camelCase). Everything but id and stage may be missing. */
export interface GuardCard {
	id: string;
	stage: Stage;
	fullName?: string | null;
	email?: string | null;
	phone?: string | null;
	phoneAlt?: string | null;
	// SM/MZ/LT = supermanzana, manzana, lote (see address.ts)
	addrSm?: string | null;
	addrMz?: string | null;
	addrLt?: string | null;
	addrExt?: string | null;
	addrInt?: string | null;
	addrBuilding?: string | null;
	addrStreet?: string | null;
	addrColonia?: string | null;
	addrCity?: string | null;
	lat?: number | null;
	lng?: number | null;
	zoneId?: string | null;
	/** Whether the chosen zone covers the location; undefined when the caller did not check. */
	zoneHasCoverage?: boolean | null;
	serviceType?: ServiceType | null;
	planId?: string | null;
	contractType?: ContractType | null;
	customerAcceptedAt?: string | null;
	installationDate?: string | null;
	billingComputed?: boolean | null;
	technicianId?: string | null;
	pppoeUser?: string | null;
	pppoePassword?: string | null;
	ip?: string | null;
	contractSignedAt?: string | null;
	sheetSignedAt?: string | null;
	completedAt?: string | null;
	cancelReason?: string | null;
	cancelNote?: string | null;
	equipment?: Record<string, string | null> | null;
	fileCategories?: readonly string[] | null;
}

export interface GuardSettings {
	contractRequiredFor: ContractType[];
	requiredEquipmentFields: string[];
	/** The provider's cancellation reasons (cancel-reasons.ts); the built-in five by default. */
	cancelReasons: readonly { key: string; label: string }[];
}

export const DEFAULT_GUARD_SETTINGS: GuardSettings = {
	contractRequiredFor: ['12_meses'],
	requiredEquipmentFields: ['cpeMac'],
	cancelReasons: Object.entries(CANCEL_REASON_LABELS).map(([key, label]) => ({ key, label }))
};

export interface Requirement {
	/** The card field ("email"), or "file:<category>", "equipment:<field>", "address:<part>";
	 * files use the same form as checklist auto-rules ("file:ine_frontal"). */
	key: string;
	message: string;
	/** Uploaded files are grouped as "documentos" in badges; everything else is a "dato". */
	kind: 'document' | 'data';
	/** Two or three words for badges ("correo", "técnico"). */
	short: string;
	/** `short` and `message` as message codes, for the reader's language (domain/coded.ts). */
	label: Coded;
	text: Coded;
}

/** A refusal's `reasons` in Spanish (for the server's messages) and as `codes` for the reader's language. */
export type GuardResult = { ok: true; overridden: boolean } | { ok: false; reasons: string[]; codes: Coded[]; overridable: boolean };

export interface CanEnterOptions {
	settings?: Partial<GuardSettings> | null;
	overrideReason?: string | null;
	userId?: string | null;
}

export const MIN_OVERRIDE_REASON_LENGTH = 5;
