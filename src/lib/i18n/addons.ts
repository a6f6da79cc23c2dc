import { m } from '$lib/paraglide/messages.js';
import { ADDON_KINDS, type AddonField, type AddonKind, type AddonKindRow } from '$lib/domain/addon-kinds';

/** An add-on kind as the UI shows it: its registry row and its name in the UI language. */
export interface AddonKindView extends AddonKindRow {
	name: () => string;
}

/**
 * Each kind's `addon_kind_<key>` message, typed by ADDON_KINDS' keys: a kind added there fails to
 * type-check until its messages exist. Named imports keep the other messages out of the bundle.
 */
const NAMES: { [K in AddonKind]: () => string } = {
	telefonia: m.addon_kind_telefonia,
	television: m.addon_kind_television
};

/** ADDON_KINDS with their UI names: what the components iterate unless a test passes its own. */
export const ADDON_KIND_VIEWS: readonly AddonKindView[] = ADDON_KINDS.map((k) => ({ ...k, name: NAMES[k.key] }));

export function addonKindName(key: string, kinds: readonly AddonKindView[] = ADDON_KIND_VIEWS): string {
	return kinds.find((k) => k.key === key)?.name() ?? key;
}

/** Field titles on the card's services section. */
export const ADDON_FIELD_LABELS: Record<AddonField, () => string> = {
	ip: () => 'IP',
	externalId: m.sched_external_id,
	username: m.sched_addon_user,
	password: m.sched_addon_password,
	phoneNumber: m.sched_addon_number,
	sipServer: m.sched_addon_sip,
	onuSerial: m.sched_addon_onu,
	tvType: m.sched_addon_tv_type,
	router: m.sched_addon_router
};

/** Field titles on the technician's job (shorter: it is read on a phone). */
export const TECH_FIELD_LABELS: Record<AddonField, () => string> = {
	ip: m.tech_ip,
	externalId: m.tech_external_id,
	username: m.tech_user,
	password: m.tech_password,
	phoneNumber: m.tech_number,
	sipServer: m.sched_addon_sip,
	onuSerial: m.tech_onu_serial,
	tvType: m.tech_tv_type,
	router: m.sched_addon_router
};
