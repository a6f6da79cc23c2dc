/** What each stage needs of a card: the data half of the guard (stages.ts adds the roles). */
import { isAddressComplete } from './address';
import { parseMxPhone, PHONE_FOREIGN_ERROR } from './phones';
import { coded, type Coded } from './coded';
import { translate } from '$lib/i18n/translate';
import { isOpenStage, isStage, OPEN_STAGES, type OpenStage, type Stage } from './stage-registry';
import { joinOr, needsText, reasonLabel } from './cancel-reasons';
import {
	CONTRACT_TYPES,
	DEFAULT_GUARD_SETTINGS,
	FILE_CATEGORY_LABELS,
	type GuardCard,
	type GuardSettings,
	type Requirement
} from './stage-card';

/** Message codes of each equipment field: with its article, for sentences, and short, for badges. */
const EQUIPMENT_LABELS: Record<string, [withArticle: string, short: string]> = {
	cpeMac: ['equipment.cpe_mac', 'short.cpe_mac'],
	onuSerial: ['equipment.onu_serial', 'short.onu_serial'],
	routerModel: ['equipment.router_model', 'short.router_model'],
	dni: ['equipment.dni', 'short.dni']
};

const filled = (v: string | null | undefined) => (v ?? '').trim() !== '';
/** The Spanish words stay on the requirement for the server's messages; the UI words the codes. */
const requirement = (key: string, label: Coded, text: Coded, kind: Requirement['kind']): Requirement => ({
	key,
	short: translate(label, 'es'),
	message: translate(text, 'es'),
	kind,
	label,
	text
});
const data = (key: string, short: string | Coded, text: Coded): Requirement =>
	requirement(key, typeof short === 'string' ? coded(short) : short, text, 'data');

function isCalendarDate(s: string | null | undefined): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function fileRequirement(card: GuardCard, category: string, text: Coded): Requirement[] {
	if (card.fileCategories?.includes(category)) return [];
	const label = category in FILE_CATEGORY_LABELS ? coded(`short.file_${category}`) : coded('short.raw', { text: category });
	return [requirement(`file:${category}`, label, text, 'document')];
}

function phoneRequirement(value: string | null | undefined, key: string, short: string, missing: Coded): Requirement[] {
	if (!filled(value)) return [data(key, short, missing)];
	const parsed = parseMxPhone(value);
	const detail = coded(parsed.ok || parsed.error !== PHONE_FOREIGN_ERROR ? 'phone.invalid' : 'phone.foreign');
	return parsed.ok ? [] : [data(key, short, coded('guard.phone_invalid', { what: coded(short), detail }))];
}

const hasLocation = (c: GuardCard) => Number.isFinite(c.lat) && Number.isFinite(c.lng) && Math.abs(c.lat!) <= 90 && Math.abs(c.lng!) <= 180;

const addressOf = (c: GuardCard) => ({
	sm: c.addrSm,
	mz: c.addrMz,
	lt: c.addrLt,
	ext: c.addrExt,
	int: c.addrInt,
	building: c.addrBuilding,
	street: c.addrStreet,
	colonia: c.addrColonia,
	city: c.addrCity
});

/** What each stage adds on top of the previous ones (DOMAIN.md, "Stages and what each one needs"). */
const STAGE_RULES: Record<OpenStage, (card: GuardCard, settings: GuardSettings) => Requirement[]> = {
	preinstalacion: (c) => [
		...(filled(c.fullName) ? [] : [data('fullName', 'short.full_name', coded('guard.missing_full_name'))]),
		...phoneRequirement(c.phone, 'phone', 'short.phone', coded('guard.missing_phone'))
	],
	cobertura_confirmada: (c) => [
		...(hasLocation(c) || isAddressComplete(addressOf(c)).ok ? [] : [data('location', 'short.location', coded('guard.missing_location'))]),
		...(filled(c.zoneId) ? [] : [data('zoneId', 'short.zone', coded('guard.missing_zone'))]),
		...(filled(c.zoneId) && c.zoneHasCoverage === false ? [data('zoneCoverage', 'short.coverage', coded('guard.zone_no_coverage'))] : []),
		...(c.serviceType ? [] : [data('serviceType', 'short.service_type', coded('guard.missing_service_type'))])
	],
	documentos_pendientes: (c) => [
		...(filled(c.planId) ? [] : [data('planId', 'short.plan', coded('guard.missing_plan'))]),
		...(c.contractType && CONTRACT_TYPES.includes(c.contractType)
			? []
			: [data('contractType', 'short.contract_type', coded('guard.missing_contract_type'))]),
		...(filled(c.customerAcceptedAt) ? [] : [data('customerAcceptedAt', 'short.acceptance', coded('guard.missing_acceptance'))])
	],
	agendada: (c) => {
		const address = isAddressComplete(addressOf(c));
		const email = (c.email ?? '').trim();
		const alt = parseMxPhone(c.phoneAlt);
		const main = parseMxPhone(c.phone);
		return [
			...fileRequirement(c, 'ine_frontal', coded('guard.missing_file_ine_frontal')),
			...fileRequirement(c, 'ine_atras', coded('guard.missing_file_ine_atras')),
			...fileRequirement(c, 'comprobante_domicilio', coded('guard.missing_file_comprobante_domicilio')),
			...(c.contractType === '12_meses'
				? fileRequirement(c, 'confirmacion_12_meses', coded('guard.missing_file_confirmacion_12_meses'))
				: []),
			...(!email
				? [data('email', 'short.email', coded('guard.missing_email'))]
				: /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)
					? []
					: [data('email', 'short.email', coded('guard.email_invalid'))]),
			...phoneRequirement(c.phoneAlt, 'phoneAlt', 'short.phone_alt', coded('guard.missing_phone_alt')),
			...(alt.ok && main.ok && alt.value === main.value ? [data('phoneAlt', 'short.phone_alt', coded('guard.phone_alt_same'))] : []),
			...(address.ok ? [] : address.missing.map((m) => data(m.key, 'short.address', m.text))),
			...(!filled(c.installationDate)
				? [data('installationDate', 'short.installation_date', coded('guard.missing_installation_date'))]
				: isCalendarDate(c.installationDate)
					? []
					: [data('installationDate', 'short.installation_date', coded('guard.installation_date_invalid'))]),
			...(c.billingComputed ? [] : [data('billingComputed', 'short.billing', coded('guard.missing_billing'))])
		];
	},
	asignada: (c) => [
		...(filled(c.technicianId) ? [] : [data('technicianId', 'short.technician', coded('guard.missing_technician'))]),
		...(filled(c.pppoeUser) ? [] : [data('pppoeUser', 'short.pppoe_user', coded('guard.missing_pppoe_user'))]),
		...(filled(c.pppoePassword) ? [] : [data('pppoePassword', 'short.pppoe_password', coded('guard.missing_pppoe_password'))]),
		...(filled(c.ip) ? [] : [data('ip', 'short.ip', coded('guard.missing_ip'))])
	],
	firmada: (c, s) => [
		...(filled(c.sheetSignedAt) ? [] : [data('sheetSignedAt', 'short.sheet_signature', coded('guard.missing_sheet_signature'))]),
		...(c.contractType && s.contractRequiredFor.includes(c.contractType) && !filled(c.contractSignedAt)
			? [data('contractSignedAt', 'short.contract_signature', coded('guard.missing_contract_signature'))]
			: [])
	],
	activa: (c, s) => [
		...(filled(c.completedAt) ? [] : [data('completedAt', 'short.completion', coded('guard.missing_completion'))]),
		...s.requiredEquipmentFields
			.filter((f) => !filled(c.equipment?.[f]))
			.map((f) => {
				const known = EQUIPMENT_LABELS[f];
				const label = known ? coded(known[0]) : coded('equipment.other', { field: f });
				const short = known ? coded(known[1]) : coded('short.raw', { text: f });
				return data(`equipment:${f}`, short, coded('guard.missing_equipment', { what: label }));
			})
	]
};

/** The reason must be one of the provider's list; «Otro» needs the person's own words. */
function cancelRequirements(c: GuardCard, s: GuardSettings): Requirement[] {
	const list = s.cancelReasons;
	if (!c.cancelReason || !list.some((r) => r.key === c.cancelReason)) {
		const choices = joinOr(list.map((r) => r.label.toLowerCase()));
		return [data('cancelReason', 'short.cancel_reason', coded('guard.missing_cancel_reason', { choices }))];
	}
	if (needsText(c.cancelReason) && !filled(c.cancelNote)) {
		return [data('cancelNote', 'short.cancel_reason', coded('guard.cancel_note', { reason: reasonLabel(list, c.cancelReason) }))];
	}
	return [];
}

const withDefaults = (s?: Partial<GuardSettings> | null): GuardSettings => ({
	contractRequiredFor: s?.contractRequiredFor ?? DEFAULT_GUARD_SETTINGS.contractRequiredFor,
	requiredEquipmentFields: s?.requiredEquipmentFields ?? DEFAULT_GUARD_SETTINGS.requiredEquipmentFields,
	cancelReasons: s?.cancelReasons?.length ? s.cancelReasons : DEFAULT_GUARD_SETTINGS.cancelReasons
});

/** What `stage` itself asks for on top of the earlier stages (empty for the closed stages). */
export function ownRequirementsFor(card: GuardCard, stage: Stage, settings?: Partial<GuardSettings> | null): Requirement[] {
	return isOpenStage(stage) ? STAGE_RULES[stage](card, withDefaults(settings)) : [];
}

/**
 * Unmet requirements for the card to sit in `stage`. Cumulative: a stage needs everything the
 * earlier ones need. Moving back along the main flow needs nothing; reopening a cancelled card
 * counts as moving forward, so it must again meet its target stage. The card's own stage is
 * evaluated too (useful on creation); canEnter treats it as a reorder instead.
 */
export function requirementsFor(card: GuardCard, stage: Stage, settings?: Partial<GuardSettings> | null): Requirement[] {
	if (!isOpenStage(stage)) return cancelRequirements(card, withDefaults(settings));
	const target = OPEN_STAGES.indexOf(stage);
	if (target < 0) return [];
	const from = isStage(card.stage) && isOpenStage(card.stage) ? OPEN_STAGES.indexOf(card.stage) : -1;
	if (target < from) return [];
	const s = withDefaults(settings);
	const seen = new Set<string>();
	return OPEN_STAGES.slice(0, target + 1)
		.flatMap((st) => STAGE_RULES[st](card, s))
		.filter((r) => !seen.has(r.key) && seen.add(r.key));
}
