/**
 * A customer's personal data under Mexico's LFPDPPP and their ARCO rights (Acceso,
 * Rectificación, Cancelación, Oposición): what the app holds about one customer (one card), what
 * erasing it clears, and which files the retention rule deletes. The export, the erasure and the
 * retention purge all read this registry; `registries-sql.test.ts` checks INSTALLATION_TABLES
 * against every foreign key to `installations` in the schema, so a new table cannot be forgotten.
 */
import type { UploadCategory } from '$lib/schemas/files';

/** The name an erased card shows on the board and in reports. */
export const ERASED_NAME = 'Titular eliminado (ARCO)';
/** What replaces a personal value in the card's history, messages and notes. */
export const REDACTED = '[eliminado (ARCO)]';

/** Every table with rows about one installation: the column that points at it, and what the export leaves out. */
export const INSTALLATION_TABLES = [
	{ table: 'card_history', keys: ['installation_id'], order: 'id', omit: [] },
	{ table: 'stage_history', keys: ['installation_id'], order: 'id', omit: [] },
	{ table: 'lead_calls', keys: ['installation_id'], order: 'created_at', omit: [] },
	{ table: 'customer_messages', keys: ['installation_id'], order: 'created_at', omit: [] },
	{ table: 'payments', keys: ['installation_id'], order: 'seq', omit: [] },
	{ table: 'documents', keys: ['installation_id'], order: 'created_at', omit: [] },
	{ table: 'signatures', keys: ['installation_id'], order: 'signed_at', omit: [] },
	{ table: 'files', keys: ['installation_id'], order: 'created_at', omit: ['storage_key', 'thumbnail_key'] },
	{ table: 'addon_services', keys: ['installation_id'], order: 'created_at', omit: [] },
	{ table: 'installation_products', keys: ['installation_id'], order: 'created_at', omit: [] },
	{ table: 'checklist_items', keys: ['installation_id'], order: 'id', omit: [] },
	{ table: 'cancellations', keys: ['installation_id'], order: 'id', omit: [] },
	{ table: 'ip_allocations', keys: ['installation_id'], order: 'created_at', omit: [] },
	{ table: 'signing_links', keys: ['installation_id'], order: 'created_at', omit: ['token_hash'] },
	{ table: 'wisphub_jobs', keys: ['installation_id'], order: 'created_at', omit: [] },
	{ table: 'call_claims', keys: ['installation_id'], order: 'claimed_at', omit: [] },
	{ table: 'notifications', keys: ['installation_id'], order: 'created_at', omit: [] },
	{ table: 'duplicate_pairs', keys: ['older_id', 'newer_id'], order: 'created_at', omit: [] },
	{ table: 'applied_actions', keys: ['installation_id'], order: 'created_at', omit: [] },
	{ table: 'card_reach', keys: ['installation_id'], order: 'installation_id', omit: [] }
] as const satisfies readonly { table: string; keys: readonly string[]; order: string; omit: readonly string[] }[];

export type InstallationTable = (typeof INSTALLATION_TABLES)[number]['table'];

/**
 * Columns of `installations` that identify or describe the person (contact, address, location,
 * ID numbers, their own passwords and free-text notes): erasing sets them to null. The name is
 * not null in the schema, so it becomes ERASED_NAME. Money, dates, stage, plan, zone, equipment
 * and the call counters stay for the provider's accounting.
 */
export const PERSONAL_COLUMNS = [
	'email',
	'phone',
	'phone_alt',
	'addr_sm',
	'addr_mz',
	'addr_lt',
	'addr_ext',
	'addr_int',
	'addr_building',
	'addr_street',
	'addr_colonia',
	'addr_city',
	'lat',
	'lng',
	'coordinates_raw',
	'rooftop_key',
	'fiber_crossing_note',
	'comments',
	'dni',
	'pppoe_user',
	'pppoe_password',
	'wifi_name',
	'wifi_password',
	'cancel_note',
	'signal_notes',
	'arrived_lat',
	'arrived_lng'
] as const;

/**
 * card_history rows (kind `field`) whose values quote personal data: the panel's field keys and
 * the column names other services write. Their old and new values become REDACTED.
 */
export const PERSONAL_HISTORY_FIELDS = [
	'fullName',
	'phone',
	'phoneAlt',
	'email',
	'addrSm',
	'addrMz',
	'addrLt',
	'addrExt',
	'addrInt',
	'addrBuilding',
	'addrStreet',
	'addrColonia',
	'addrCity',
	'rooftopKey',
	'fiberCrossingNote',
	'comments',
	'signalNotes',
	'dni',
	'pppoe_user',
	'pppoe_password',
	'wifi_name',
	'wifi_password',
	'created',
	'importado',
	'duplicado'
] as const;

/** The images of a customer's identity documents: what the retention rule deletes. */
export const RETENTION_CATEGORIES = [
	'ine_frontal',
	'ine_atras',
	'comprobante_domicilio',
	'confirmacion_12_meses'
] as const satisfies readonly UploadCategory[];

export const DEFAULT_RETENTION_DAYS = 180;

/** What the admin types to confirm erasing card `folio`: a deliberate act, never a misclick. */
export const eraseConfirmation = (folio: number) => `ELIMINAR ${folio}`;

/** Same words, any case and spacing: «eliminar  43» confirms card 43. */
export const confirmsErase = (typed: string, folio: number) => typed.trim().replace(/\s+/g, ' ').toUpperCase() === eraseConfirmation(folio);

/** The moment before which a cancellation is old enough for the retention rule. */
export function retentionCutoff(now: Date, days: number): Date {
	return new Date(now.getTime() - days * 86_400_000);
}
