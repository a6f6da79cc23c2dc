/**
 * The one table of add-on kinds (process 4, steps 6–7: services sold on top of the internet
 * installation). The zod enums, the plan kinds, the card's services form, the technician's view
 * and the installation sheet all iterate this table; the SQL CHECKs are compared with it by
 * tests/integration/registries-sql.test.ts. Adding a kind: a row here, its `addon_kind_<key>`
 * messages (src/lib/i18n/addons.ts), and one migration widening the CHECKs.
 */

export const PLACEHOLDER_NUMBER = '0000000000';
export const TV_TYPES = ['CATV', 'IPTV'] as const;
export type TvType = (typeof TV_TYPES)[number];

/** The columns of an add-on (addon_services) a kind can show or edit. */
export type AddonField = 'ip' | 'externalId' | 'username' | 'password' | 'phoneNumber' | 'sipServer' | 'onuSerial' | 'tvType' | 'router';

/** What a new add-on copies from its card: the IP, the external ID, user = phone, password = PPPoE password, the zone's router. */
export const FROM_CARD = ['ip', 'externalId', 'username', 'password', 'router'] as const satisfies readonly AddonField[];

export interface AddonKindRow {
	key: string;
	/** Spanish name for the sheet and the card's history; the UI's is the `addon_kind_<key>` message. */
	label: string;
	/** The history line written when one is added. */
	added: string;
	/** Values of its own when created, besides what it copies from the card (FROM_CARD). */
	initial: (ctx: { sipServer: string; tvType?: TvType | null }) => { phoneNumber?: string; sipServer?: string; tvType?: TvType };
	/** Asked when adding one (the rest comes from the card or `initial`). */
	askOnAdd: readonly AddonField[];
	/** Shown read-only on the card besides IP, external ID, user and password. */
	shows: readonly AddonField[];
	/** Edited on the card besides the router and the service cut; the server ignores the others. */
	editable: readonly AddonField[];
	/** Shown on the installation sheet after the plan's name. */
	sheet: readonly AddonField[];
	/** Shown to the technician when filled in. */
	technician: readonly AddonField[];
	/** Starts on PLACEHOLDER_NUMBER until support assigns the real line ("asignar número real"). */
	awaitsNumber: boolean;
}

export const ADDON_KINDS = [
	{
		key: 'telefonia',
		label: 'Telefonía',
		added: 'Telefonía agregada',
		initial: ({ sipServer }) => ({ phoneNumber: PLACEHOLDER_NUMBER, sipServer }),
		askOnAdd: [],
		shows: ['sipServer'],
		editable: ['phoneNumber'],
		sheet: ['phoneNumber'],
		technician: ['username', 'password', 'phoneNumber'],
		awaitsNumber: true
	},
	{
		key: 'television',
		label: 'Televisión',
		added: 'Televisión agregada',
		initial: ({ tvType }) => ({ tvType: tvType ?? 'IPTV' }),
		askOnAdd: ['tvType'],
		shows: [],
		editable: ['onuSerial', 'tvType'],
		sheet: ['tvType'],
		technician: ['username', 'password', 'tvType', 'onuSerial'],
		awaitsNumber: false
	}
] as const satisfies readonly AddonKindRow[];

export type AddonKind = (typeof ADDON_KINDS)[number]['key'];
type KeysOf<T extends readonly unknown[]> = { readonly [I in keyof T]: T[I] extends { key: infer K } ? K : never };

export const ADDON_KIND_KEYS = ADDON_KINDS.map((k) => k.key) as unknown as KeysOf<typeof ADDON_KINDS>;
/** Plans are the internet plan or one per add-on kind. */
export const PLAN_KINDS = ['internet', ...ADDON_KIND_KEYS] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** A registry to read: ADDON_KINDS, or a test's own table with more kinds. */
export type AddonKinds = readonly AddonKindRow[];

export function addonKind(key: string, kinds: AddonKinds = ADDON_KINDS): AddonKindRow | undefined {
	return kinds.find((k) => k.key === key);
}

/** Whether a field of this add-on may be written: the kind's own fields, and the router for all. */
export function editsField(kind: AddonKindRow | undefined, field: AddonField): boolean {
	return field === 'router' || (kind?.editable.includes(field) ?? false);
}

/** "asignar número real": the kind awaits a number and still has the placeholder. */
export const pendingNumber = (kind: AddonKindRow | undefined, phoneNumber: string | null): boolean =>
	(kind?.awaitsNumber ?? false) && (phoneNumber ?? PLACEHOLDER_NUMBER) === PLACEHOLDER_NUMBER;
