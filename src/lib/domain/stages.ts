import { isAddressComplete } from './address';
import type { ServiceType } from './geo';
import { parseMxPhone } from './phones';

export type { ServiceType };

export const OPEN_STAGES = [
	'preinstalacion',
	'cobertura_confirmada',
	'documentos_pendientes',
	'agendada',
	'asignada',
	'firmada',
	'activa'
] as const;
/** The main flow in order, then the side column. */
export const STAGES = [...OPEN_STAGES, 'cancelada'] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
	preinstalacion: 'Preinstalación',
	cobertura_confirmada: 'Cobertura confirmada',
	documentos_pendientes: 'Documentos pendientes',
	agendada: 'Agendada',
	asignada: 'Asignada',
	firmada: 'Firmada',
	activa: 'Activa',
	cancelada: 'Cancelada'
};

export const ROLES = ['admin', 'coordinator', 'agent', 'technician'] as const;
export type Role = (typeof ROLES)[number];

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

const EQUIPMENT_LABELS: Record<string, [withArticle: string, short: string]> = {
	cpeMac: ['la MAC del CPE', 'MAC del CPE'],
	onuSerial: ['el número de serie de la ONU', 'serie de la ONU'],
	routerModel: ['el modelo del router', 'modelo del router'],
	dni: ['el DNI', 'DNI']
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
}

export const DEFAULT_GUARD_SETTINGS: GuardSettings = {
	contractRequiredFor: ['12_meses'],
	requiredEquipmentFields: ['cpeMac']
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
}

export type GuardResult = { ok: true; overridden: boolean } | { ok: false; reasons: string[]; overridable: boolean };

export interface CanEnterOptions {
	settings?: Partial<GuardSettings> | null;
	overrideReason?: string | null;
	userId?: string | null;
}

export const MIN_OVERRIDE_REASON_LENGTH = 5;
const AGENT_STAGES: readonly Stage[] = OPEN_STAGES.slice(0, 4);

export const isStage = (value: unknown): value is Stage => STAGES.includes(value as Stage);
/** In the main flow, i.e. not the "cancelada" side column. */
export const isOpenStage = (stage: Stage): stage is OpenStage => stage !== 'cancelada';
/** Position in STAGES; only the open stages are ordered ("cancelada" sits last as a side column). */
export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);
export const stageLabel = (stage: Stage): string => STAGE_LABELS[stage] ?? String(stage);

export function nextStage(stage: Stage): Stage | null {
	if (!isOpenStage(stage)) return null;
	return OPEN_STAGES[OPEN_STAGES.indexOf(stage) + 1] ?? null;
}

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

function cancelRequirements(c: GuardCard): Requirement[] {
	const reasons = Object.keys(CANCEL_REASON_LABELS);
	if (!c.cancelReason || !reasons.includes(c.cancelReason)) {
		return [
			data('cancelReason', 'motivo', 'Falta el motivo de cancelación: elige sin cobertura, declinó, no localizable, duplicado u otro.')
		];
	}
	if (c.cancelReason === 'otro' && !filled(c.cancelNote)) {
		return [data('cancelNote', 'motivo', 'Escribe el motivo de la cancelación: elegiste «Otro».')];
	}
	return [];
}

const withDefaults = (s?: Partial<GuardSettings> | null): GuardSettings => ({
	contractRequiredFor: s?.contractRequiredFor ?? DEFAULT_GUARD_SETTINGS.contractRequiredFor,
	requiredEquipmentFields: s?.requiredEquipmentFields ?? DEFAULT_GUARD_SETTINGS.requiredEquipmentFields
});

/**
 * Unmet requirements for the card to sit in `stage`. Cumulative: a stage needs everything the
 * earlier ones need. Moving back along the main flow needs nothing; reopening a cancelled card
 * counts as moving forward, so it must again meet its target stage. The card's own stage is
 * evaluated too (useful on creation); canEnter treats it as a reorder instead.
 */
export function requirementsFor(card: GuardCard, stage: Stage, settings?: Partial<GuardSettings> | null): Requirement[] {
	if (stage === 'cancelada') return cancelRequirements(card);
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

/** Why this role may not make this move at all; data overrides cannot lift these. */
function roleRefusal(card: GuardCard, to: Stage, role: Role, userId: string | null | undefined): string | null {
	const from = card.stage;
	switch (role) {
		case 'admin':
		case 'coordinator':
			return null;
		case 'agent':
			if (from === 'cancelada') return 'Solo un coordinador puede reabrir una tarjeta cancelada: pídeselo.';
			if (!AGENT_STAGES.includes(from)) return `Esta tarjeta ya está en «${stageLabel(from)}»: solo un coordinador puede moverla.`;
			if (to === 'cancelada' || AGENT_STAGES.includes(to)) return null;
			return `Como agente puedes mover tarjetas de «Preinstalación» a «Agendada» o cancelarlas: pide a un coordinador que la pase a «${stageLabel(to)}».`;
		case 'technician':
			if (!userId || card.technicianId !== userId) return 'Esta instalación no está asignada a ti: pide al coordinador que te la asigne.';
			if ((from === 'asignada' && (to === 'firmada' || to === 'activa')) || (from === 'firmada' && to === 'activa')) return null;
			return 'Como técnico solo puedes pasar tus instalaciones de «Asignada» a «Firmada» o «Activa».';
		default:
			return 'Tu usuario no puede mover tarjetas: pide acceso a un coordinador.';
	}
}

/**
 * The one guard for a move, used by the server, the drop preview and the badges. Coordinators
 * and admins may move past unmet data requirements with a written reason (which the service
 * records); nobody may skip the cancellation reason, because the Cancelada column shows it.
 */
export function canEnter(card: GuardCard, stage: Stage, role: Role, opts: CanEnterOptions = {}): GuardResult {
	if (!isStage(stage)) return { ok: false, reasons: [`La columna «${String(stage)}» no existe: recarga el tablero.`], overridable: false };
	if (card.stage === stage) return { ok: true, overridden: false };
	const refusal = roleRefusal(card, stage, role, opts.userId);
	if (refusal) return { ok: false, reasons: [refusal], overridable: false };

	const unmet = requirementsFor(card, stage, opts.settings);
	if (!unmet.length) return { ok: true, overridden: false };

	const reasons = unmet.map((r) => r.message);
	const written = (opts.overrideReason ?? '').trim();
	const mayOverride = (role === 'admin' || role === 'coordinator') && stage !== 'cancelada';
	if (mayOverride) {
		if (written.length >= MIN_OVERRIDE_REASON_LENGTH) return { ok: true, overridden: true };
		if (written) reasons.push(`Para mover sin cumplir los requisitos escribe un motivo de al menos ${MIN_OVERRIDE_REASON_LENGTH} letras.`);
	} else if (written && stage !== 'cancelada') {
		reasons.push('Solo un coordinador o un administrador puede mover una tarjeta sin cumplir los requisitos.');
	}
	return { ok: false, reasons, overridable: mayOverride };
}

/** For the card's badge: what it still needs for the next column ("faltan 2 documentos"). */
export function missingForNext(
	card: GuardCard,
	settings?: Partial<GuardSettings> | null
): { next: Stage | null; missing: Requirement[]; badge: string | null } {
	const next = isStage(card.stage) ? nextStage(card.stage) : null;
	if (!next) return { next: null, missing: [], badge: null };
	const missing = requirementsFor(card, next, settings);
	return { next, missing, badge: badgeFor(missing) };
}

export function badgeFor(missing: readonly Requirement[]): string | null {
	const docs = missing.filter((m) => m.kind === 'document').length;
	const rest = missing.filter((m) => m.kind === 'data');
	const parts = [
		docs ? `${docs} ${docs === 1 ? 'documento' : 'documentos'}` : '',
		rest.length === 1 ? rest[0].short : rest.length > 1 ? `${rest.length} datos` : ''
	].filter(Boolean);
	if (!parts.length) return null;
	return `${missing.length === 1 ? 'falta' : 'faltan'} ${parts.join(' y ')}`;
}
