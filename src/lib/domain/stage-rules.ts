/** What each stage needs of a card: the data half of the guard (stages.ts adds the roles). */
import { isAddressComplete } from './address';
import { parseMxPhone } from './phones';
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

const EQUIPMENT_LABELS: Record<string, [withArticle: string, short: string]> = {
	cpeMac: ['la MAC del CPE', 'MAC del CPE'],
	onuSerial: ['el número de serie de la ONU', 'serie de la ONU'],
	routerModel: ['el modelo del router', 'modelo del router'],
	dni: ['el DNI', 'DNI']
};

const filled = (v: string | null | undefined) => (v ?? '').trim() !== '';
const data = (key: string, short: string, message: string): Requirement => ({ key, short, message, kind: 'data' });

function isCalendarDate(s: string | null | undefined): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function fileRequirement(card: GuardCard, category: string, message: string): Requirement[] {
	if (card.fileCategories?.includes(category)) return [];
	return [{ key: `file:${category}`, short: FILE_CATEGORY_LABELS[category] ?? category, message, kind: 'document' }];
}

function phoneRequirement(value: string | null | undefined, key: string, short: string, missing: string): Requirement[] {
	if (!filled(value)) return [data(key, short, missing)];
	const parsed = parseMxPhone(value);
	return parsed.ok ? [] : [data(key, short, `El ${short} no es válido. ${parsed.error}`)];
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
		...(filled(c.fullName) ? [] : [data('fullName', 'nombre', 'Falta el nombre completo del cliente: escríbelo en la tarjeta.')]),
		...phoneRequirement(
			c.phone,
			'phone',
			'teléfono principal',
			'Falta el teléfono principal: escribe los 10 dígitos, por ejemplo 998 123 4567.'
		)
	],
	cobertura_confirmada: (c) => [
		...(hasLocation(c) || isAddressComplete(addressOf(c)).ok
			? []
			: [data('location', 'ubicación', 'Falta la ubicación: pega las coordenadas que envió el cliente o completa la dirección.')]),
		...(filled(c.zoneId) ? [] : [data('zoneId', 'zona', 'Falta la zona (RB): elige la zona que cubre la ubicación del cliente.')]),
		...(filled(c.zoneId) && c.zoneHasCoverage === false
			? [
					data(
						'zoneCoverage',
						'cobertura',
						'La zona elegida no cubre la ubicación del cliente: elige otra zona o cancela la tarjeta por «Sin cobertura».'
					)
				]
			: []),
		...(c.serviceType ? [] : [data('serviceType', 'tipo de servicio', 'Falta el tipo de servicio: elige inalámbrico o fibra.')])
	],
	documentos_pendientes: (c) => [
		...(filled(c.planId) ? [] : [data('planId', 'plan', 'Falta el plan: elige el plan que contrató el cliente.')]),
		...(c.contractType && CONTRACT_TYPES.includes(c.contractType)
			? []
			: [data('contractType', 'tipo de contrato', 'Falta el tipo de contrato: elige 12 meses o indefinido.')]),
		...(filled(c.customerAcceptedAt)
			? []
			: [
					data(
						'customerAcceptedAt',
						'aceptación',
						'Falta registrar que el cliente aceptó el plan y las condiciones: márcalo en la tarjeta.'
					)
				])
	],
	agendada: (c) => {
		const address = isAddressComplete(addressOf(c));
		const email = (c.email ?? '').trim();
		const alt = parseMxPhone(c.phoneAlt);
		const main = parseMxPhone(c.phone);
		return [
			...fileRequirement(c, 'ine_frontal', 'Falta el INE frontal: súbelo en Archivos.'),
			...fileRequirement(c, 'ine_atras', 'Falta el INE atrás: súbelo en Archivos.'),
			...fileRequirement(c, 'comprobante_domicilio', 'Falta el comprobante de domicilio: súbelo en Archivos.'),
			...(c.contractType === '12_meses'
				? fileRequirement(
						c,
						'confirmacion_12_meses',
						'Falta la «Confirmación contrato a 12 meses»: sube la captura de WhatsApp donde el cliente la acepta.'
					)
				: []),
			...(!email
				? [data('email', 'correo', 'Falta el correo electrónico: escríbelo, ahí le llegan sus facturas.')]
				: /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)
					? []
					: [data('email', 'correo', 'El correo electrónico no es válido: revísalo, por ejemplo nombre@gmail.com.')]),
			...phoneRequirement(
				c.phoneAlt,
				'phoneAlt',
				'teléfono adicional',
				'Falta el teléfono adicional: pide otro número de contacto, de preferencia de un familiar.'
			),
			...(alt.ok && main.ok && alt.value === main.value
				? [
						data(
							'phoneAlt',
							'teléfono adicional',
							'El teléfono adicional es igual al principal: pide otro número de contacto, de preferencia de un familiar.'
						)
					]
				: []),
			...(address.ok ? [] : address.missing.map((m) => data(m.key, 'dirección', m.message))),
			...(!filled(c.installationDate)
				? [
						data(
							'installationDate',
							'fecha de instalación',
							'Falta la fecha de instalación acordada con el cliente: elígela en la tarjeta.'
						)
					]
				: isCalendarDate(c.installationDate)
					? []
					: [data('installationDate', 'fecha de instalación', 'La fecha de instalación no es válida: elígela de nuevo en el calendario.')]),
			...(c.billingComputed
				? []
				: [
						data(
							'billingComputed',
							'fechas de cobro',
							'Faltan las fechas de cobro: revisa la fecha de pago, el corte y el prorrateo en la tarjeta.'
						)
					])
		];
	},
	asignada: (c) => [
		...(filled(c.technicianId) ? [] : [data('technicianId', 'técnico', 'Falta asignar un técnico: elígelo en la tarjeta.')]),
		...(filled(c.pppoeUser) ? [] : [data('pppoeUser', 'usuario PPPoE', 'Falta el usuario PPPoE: usa el teléfono principal del cliente.')]),
		...(filled(c.pppoePassword)
			? []
			: [data('pppoePassword', 'contraseña PPPoE', 'Falta la contraseña PPPoE: usa el teléfono seguido de M, por ejemplo 9981234567M.')]),
		...(filled(c.ip) ? [] : [data('ip', 'IP', 'Falta la IP: elige una IP disponible de la zona.')])
	],
	firmada: (c, s) => [
		...(filled(c.sheetSignedAt)
			? []
			: [
					data(
						'sheetSignedAt',
						'firma de la hoja',
						'Falta la firma de la hoja de instalación: fírmala en el teléfono del técnico o manda el enlace por WhatsApp.'
					)
				]),
		...(c.contractType && s.contractRequiredFor.includes(c.contractType) && !filled(c.contractSignedAt)
			? [
					data(
						'contractSignedAt',
						'firma del contrato',
						'Falta la firma del contrato: fírmalo en persona o manda el enlace de firma al cliente.'
					)
				]
			: [])
	],
	activa: (c, s) => [
		...(filled(c.completedAt)
			? []
			: [data('completedAt', 'cierre del técnico', 'Falta que el técnico marque la instalación como terminada.')]),
		...s.requiredEquipmentFields
			.filter((f) => !filled(c.equipment?.[f]))
			.map((f) => {
				const [label, short] = EQUIPMENT_LABELS[f] ?? [`el dato de equipo «${f}»`, f];
				return data(`equipment:${f}`, short, `Falta ${label}: lo captura el técnico al instalar.`);
			})
	]
};

/** The reason must be one of the provider's list; «Otro» needs the person's own words. */
function cancelRequirements(c: GuardCard, s: GuardSettings): Requirement[] {
	const list = s.cancelReasons;
	if (!c.cancelReason || !list.some((r) => r.key === c.cancelReason)) {
		const choices = joinOr(list.map((r) => r.label.toLowerCase()));
		return [data('cancelReason', 'motivo', `Falta el motivo de cancelación: elige ${choices}.`)];
	}
	if (needsText(c.cancelReason) && !filled(c.cancelNote)) {
		return [data('cancelNote', 'motivo', `Escribe el motivo de la cancelación: elegiste «${reasonLabel(list, c.cancelReason)}».`)];
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
