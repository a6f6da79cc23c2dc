import { formatMXN } from '$lib/domain/money';
import { formatDateLong, isCivilDate } from '$lib/domain/dates';
import { ADDON_KINDS, addonKind, type AddonField, type AddonKinds } from '$lib/domain/addon-kinds';
import { m } from '$lib/paraglide/messages.js';
import type { DocumentSource } from '../db/documents';
import type { DocLocale, DocSection, Field } from '$lib/types/documents';

/** Every label of the sheet comes from the messages in the document's language. */
type Msg = (inputs?: Record<string, string>, options?: { locale?: DocLocale }) => string;
const messages = m as unknown as Record<string, Msg | undefined>;

export function fullDate(d: string | null | undefined, locale: DocLocale): string {
	return d && isCivilDate(d) ? formatDateLong(d, locale) : '—';
}

/** The customer's own data: the sheet's first section and the contract's «Datos del cliente». */
export function customerFields(src: DocumentSource, address: string, locale: DocLocale): Field[] {
	const o = { locale };
	const coords = src.lat !== null && src.lng !== null ? `${src.lat.toFixed(6)}, ${src.lng.toFixed(6)}` : '—';
	const house =
		src.houseOwnership === 'propia' ? m.sheet_house_own({}, o) : src.houseOwnership === 'rentada' ? m.sheet_house_rented({}, o) : '—';
	return [
		[m.sheet_customer({}, o), src.fullName],
		[m.sheet_phone({}, o), src.phone ?? '—'],
		[m.sheet_phone_alt({}, o), src.phoneAlt ?? '—'],
		[m.sheet_email({}, o), src.email ?? '—'],
		[m.sheet_address({}, o), address || '—'],
		[m.sheet_coordinates({}, o), coords],
		[m.sheet_house({}, o), house]
	];
}

export function contractLabel(type: DocumentSource['contractType'], locale: DocLocale): string {
	return type === '12_meses' ? m.sheet_contract_12({}, { locale }) : type === 'indefinido' ? m.sheet_contract_indef({}, { locale }) : '—';
}

/** An add-on kind's name in the document's language; a kind without messages keeps its registry name. */
export function addonLabel(key: string, kinds: AddonKinds, locale: DocLocale): string {
	const msg = messages[`addon_kind_${key}`];
	return msg ? msg({}, { locale }) : (addonKind(key, kinds)?.label ?? key);
}

/** One line per add-on: its kind, its plan and the fields its kind puts on the sheet; its IP for the office only. */
export function addonFields(list: DocumentSource['addons'], kinds: AddonKinds, locale: DocLocale): Field[] {
	const sheetValue: Partial<Record<AddonField, (value: string) => string>> = {
		phoneNumber: (v) => m.sheet_addon_number({ number: v }, { locale })
	};
	return list.flatMap((a): Field[] => {
		const label = addonLabel(a.kind, kinds, locale);
		const values = (addonKind(a.kind, kinds)?.sheet ?? []).map((f) => {
			const value = a[f];
			return value ? (sheetValue[f]?.(value) ?? value) : null;
		});
		const shown: Field = [label, [a.planName, ...values].filter(Boolean).join(' · ') || '—'];
		return a.ip ? [shown, [m.sheet_addon_ip({ label }, { locale }), a.ip, 'office']] : [shown];
	});
}

/** The installation sheet: everything captured, then blank lines for what the installer writes by hand. */
export function sheetSections(
	src: DocumentSource,
	ctx: { address: string; price: string; installationCostCents: number; installationText?: string; locale: DocLocale; kinds?: AddonKinds }
): DocSection[] {
	const { locale } = ctx;
	const o = { locale };
	const yes = m.sheet_yes({}, o);
	const no = m.sheet_no({}, o);
	const yesNo = (v: boolean | null, y: string) => (v === null ? m.sheet_unconfirmed({}, o) : v ? y : no);
	const addons = addonFields(src.addons, ctx.kinds ?? ADDON_KINDS, locale);
	const serviceType =
		src.serviceType === 'fibra' ? m.sheet_fiber({}, o) : src.serviceType === 'inalambrico' ? m.sheet_wireless({}, o) : '—';
	return [
		{ title: m.sheet_section_customer({}, o), fields: customerFields(src, ctx.address, locale) },
		{
			title: m.sheet_section_service({}, o),
			fields: [
				[m.sheet_zone({}, o), src.zoneName ?? '—'],
				[m.sheet_service_type({}, o), serviceType],
				[m.sheet_plan({}, o), src.planName ? m.sheet_plan_value({ plan: src.planName, price: ctx.price }, o) : '—'],
				[m.sheet_contract({}, o), contractLabel(src.contractType, locale)],
				[m.sheet_installation_cost({}, o), ctx.installationText ?? formatMXN(ctx.installationCostCents)]
			]
		},
		{
			title: m.sheet_section_connection({}, o),
			fields: [
				[m.sheet_pppoe_user({}, o), src.pppoeUser ?? '—', 'office'],
				[m.sheet_pppoe_password({}, o), src.pppoePassword ?? '—', 'office'],
				[m.sheet_wifi_password({}, o), src.wifiPassword ?? '—'],
				[m.sheet_ip({}, o), src.ip ?? '—', 'office'],
				[m.sheet_external_id({}, o), src.externalId ?? '—', 'office']
			]
		},
		{
			title: m.sheet_section_addons({}, o),
			fields: addons.length ? addons : [[m.sheet_addons_label({}, o), m.sheet_addons_none({}, o)]]
		},
		{
			title: m.sheet_section_visit({}, o),
			fields: [
				[m.sheet_technician({}, o), src.technicianName ?? '—'],
				[m.sheet_installation_date({}, o), fullDate(src.installationDate, locale)],
				[m.sheet_time({}, o), src.installationTime ?? '—']
			]
		},
		{
			title: m.sheet_section_special({}, o),
			fields: [
				[m.sheet_rooftop({}, o), yesNo(src.rooftopAccess, src.rooftopKey ? m.sheet_rooftop_key({ key: src.rooftopKey }, o) : yes)],
				[
					m.sheet_fiber_crossing({}, o),
					yesNo(
						src.fiberCrossing,
						src.fiberCrossingNote ? m.sheet_fiber_crossing_note({ note: src.fiberCrossingNote }, o) : m.sheet_fiber_crossing_cost({}, o)
					)
				],
				[m.sheet_modem_outlet({}, o), yesNo(src.modemNearOutlet, yes)],
				[m.sheet_comments({}, o), src.comments || '—']
			]
		},
		{
			title: m.sheet_section_fill({}, o),
			fill: true,
			fields: [
				[m.sheet_fill_dni({}, o), ''],
				[m.sheet_fill_router_serial({}, o), ''],
				[m.sheet_fill_onu_serial({}, o), ''],
				[m.sheet_fill_antenna_serial({}, o), ''],
				[m.sheet_fill_signal({}, o), ''],
				[m.sheet_fill_ccq({}, o), ''],
				[m.sheet_fill_cable({}, o), ''],
				[m.sheet_fill_installer_signature({}, o), '']
			]
		}
	];
}
