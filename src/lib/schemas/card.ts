import { z } from 'zod';
import { emailSchema } from './common';
import { normalizeName } from '$lib/domain/names';
import { titleCasePlace } from '$lib/domain/address';
import { parseMxPhone } from '$lib/domain/phones';
import { parsePesos, formatPesosForInput } from '$lib/domain/money';
import { isCivilDate } from '$lib/domain/dates';

/**
 * The card's editable fields as the panel sends them (the "wire" form: strings, booleans and
 * lists) and how each maps to a column. The same schema validates in the browser (to show the
 * message next to the field before saving) and on the server (the authority).
 */
export type FieldValue = string | boolean | string[];
export type FieldKind = 'text' | 'bool' | 'stamp' | 'cents' | 'date' | 'list';

export interface FieldDef {
	column: string;
	kind: FieldKind;
	/** Technicians may edit these on their own jobs; everything else is office work. */
	equipment?: boolean;
}

export const CARD_FIELDS = {
	fullName: { column: 'full_name', kind: 'text' },
	phone: { column: 'phone', kind: 'text' },
	phoneAlt: { column: 'phone_alt', kind: 'text' },
	email: { column: 'email', kind: 'text' },
	addrSm: { column: 'addr_sm', kind: 'text' },
	addrMz: { column: 'addr_mz', kind: 'text' },
	addrLt: { column: 'addr_lt', kind: 'text' },
	addrExt: { column: 'addr_ext', kind: 'text' },
	addrInt: { column: 'addr_int', kind: 'text' },
	addrBuilding: { column: 'addr_building', kind: 'text' },
	addrStreet: { column: 'addr_street', kind: 'text' },
	addrColonia: { column: 'addr_colonia', kind: 'text' },
	addrCity: { column: 'addr_city', kind: 'text' },
	howHeard: { column: 'how_heard', kind: 'text' },
	houseOwnership: { column: 'house_ownership', kind: 'text' },
	rooftopAccess: { column: 'rooftop_access', kind: 'bool' },
	rooftopKey: { column: 'rooftop_key', kind: 'text' },
	fiberCrossing: { column: 'fiber_crossing', kind: 'bool' },
	fiberCrossingNote: { column: 'fiber_crossing_note', kind: 'text' },
	modemNearOutlet: { column: 'modem_near_outlet', kind: 'bool' },
	comments: { column: 'comments', kind: 'text' },
	installationDate: { column: 'installation_date', kind: 'date' },
	installationTime: { column: 'installation_time', kind: 'text' },
	installationCost: { column: 'installation_cost_cents', kind: 'cents' },
	/** The agent's choice during the call: free installation paying only the first month. */
	promotionFreeInstallation: { column: 'promotion_free_installation', kind: 'bool' },
	planId: { column: 'plan_id', kind: 'text' },
	contractType: { column: 'contract_type', kind: 'text' },
	customerAccepted: { column: 'customer_accepted_at', kind: 'stamp' },
	accepted12m: { column: 'accepted_12m_at', kind: 'stamp' },
	addonPlanIds: { column: 'extra', kind: 'list' },
	cpeMac: { column: 'cpe_mac', kind: 'text', equipment: true },
	onuSerial: { column: 'onu_serial', kind: 'text', equipment: true },
	routerModel: { column: 'router_model', kind: 'text', equipment: true },
	signalNotes: { column: 'signal_notes', kind: 'text', equipment: true },
	dni: { column: 'dni', kind: 'text', equipment: true }
} as const satisfies Record<string, FieldDef>;

export type CardField = keyof typeof CARD_FIELDS;
export const CARD_FIELD_KEYS = Object.keys(CARD_FIELDS) as CardField[];
export const isCardField = (v: unknown): v is CardField => typeof v === 'string' && Object.hasOwn(CARD_FIELDS, v);

/** The lists from settings a few fields must belong to. */
export interface FieldContext {
	cities: readonly string[];
	howHeard: readonly string[];
}

const text = (max: number, label: string) =>
	z
		.string({ error: `Escribe ${label}.` })
		.transform((v) => v.replace(/\s+/g, ' ').trim())
		.pipe(z.string().max(max, `Es demasiado largo (máximo ${max} caracteres).`));
/** Blank means "not captured yet" (null); anything else must pass `inner`. */
const optional = <T extends z.ZodType>(inner: T) =>
	z.string({ error: 'Valor no válido.' }).transform((v, ctx): z.output<T> | null => {
		const trimmed = v.trim();
		if (!trimmed) return null;
		const r = inner.safeParse(trimmed);
		if (r.success) return r.data;
		ctx.addIssue({ code: 'custom', message: r.error.issues[0]?.message ?? 'Valor no válido.' });
		return z.NEVER;
	});

export const fullNameSchema = z
	.string({ error: 'Escribe el nombre completo del cliente.' })
	.transform((v) => normalizeName(v))
	.pipe(
		z
			.string()
			.min(3, 'Escribe el nombre completo del cliente (al menos 3 letras).')
			.max(120, 'El nombre es demasiado largo (máximo 120 caracteres).')
	);

export const phoneSchema = z.string({ error: 'Escribe el teléfono.' }).transform((v, ctx) => {
	const r = parseMxPhone(v);
	if (!r.ok) {
		ctx.addIssue({ code: 'custom', message: r.error });
		return z.NEVER;
	}
	return r.value;
});

const oneOf = (list: readonly string[], message: string) => optional(z.string().refine((v) => list.includes(v), message));

const pesos = z.string({ error: 'Escribe el costo en pesos.' }).transform((v, ctx) => {
	if (!v.trim()) return null;
	const r = parsePesos(v);
	if (!r.ok) {
		ctx.addIssue({ code: 'custom', message: r.error });
		return z.NEVER;
	}
	return r.cents;
});

const bool = z.boolean({ error: 'Marca o desmarca la casilla.' });
const uuidOrEmpty = optional(z.uuid('Elige una opción de la lista.'));

/** wire → database value for one field; lists from settings come in `ctx`. */
export function fieldSchema(field: CardField, ctx: FieldContext): z.ZodType<unknown> {
	switch (field) {
		case 'fullName':
			return fullNameSchema;
		case 'phone':
			return phoneSchema;
		case 'phoneAlt':
			return optional(phoneSchema);
		case 'email':
			return optional(emailSchema);
		case 'addrCity':
			return oneOf(ctx.cities, 'Elige la ciudad o municipio de la lista.');
		case 'howHeard':
			return oneOf(ctx.howHeard, 'Elige cómo se enteró de la lista.');
		case 'houseOwnership':
			return oneOf(['propia', 'rentada'], 'Elige casa propia o rentada.');
		case 'contractType':
			return oneOf(['12_meses', 'indefinido'], 'Elige contrato a 12 meses o indefinido.');
		case 'planId':
			return uuidOrEmpty;
		case 'installationDate':
			return optional(z.string().refine(isCivilDate, 'Escribe una fecha válida (AAAA-MM-DD), por ejemplo 2026-12-05.'));
		case 'installationCost':
			return pesos;
		case 'addrStreet':
		case 'addrColonia':
			return optional(text(120, 'el dato').transform(titleCasePlace));
		case 'comments':
			return optional(text(2000, 'los comentarios'));
		case 'signalNotes':
			return optional(text(1000, 'las notas'));
		case 'addonPlanIds':
			return z
				.array(z.uuid('Servicio adicional no válido.'), { error: 'Elige los servicios de la lista.' })
				.max(10)
				.transform((l) => [...new Set(l)].sort());
		case 'cpeMac':
			return optional(
				z
					.string()
					.transform((v) => v.toUpperCase().replace(/-/g, ':'))
					.pipe(z.string().regex(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/, 'Escribe la MAC como AA:BB:CC:DD:EE:FF.'))
			);
		default: {
			const kind = CARD_FIELDS[field].kind;
			if (kind === 'bool' || kind === 'stamp') return bool;
			return optional(text(120, 'el dato'));
		}
	}
}

/** Database value → wire value, so both sides compare like with like. */
export function toWire(field: CardField, db: unknown): FieldValue {
	const kind = CARD_FIELDS[field].kind;
	if (kind === 'bool') return db === true;
	if (kind === 'stamp') return db != null;
	if (kind === 'cents') return typeof db === 'number' ? formatPesosForInput(db) : '';
	if (kind === 'list') return Array.isArray(db) ? [...(db as string[])].sort() : [];
	if (db == null) return '';
	return String(db);
}

export function sameValue(a: FieldValue | null | undefined, b: FieldValue | null | undefined): boolean {
	if (Array.isArray(a) || Array.isArray(b))
		return JSON.stringify([...((a as string[]) ?? [])].sort()) === JSON.stringify([...((b as string[]) ?? [])].sort());
	return (a ?? '') === (b ?? '');
}

const wireValue = z.union([z.string().max(4000, 'Es demasiado largo.'), z.boolean(), z.array(z.string().max(100)).max(20)], {
	error: 'Valor no válido.'
});

/** One autosave: the field, its new value and what the editor last saw (for conflicts). */
export const fieldEditSchema = z.object({
	field: z.string().refine(isCardField, 'Ese dato no se puede editar desde la tarjeta.'),
	value: wireValue,
	baseVersion: z.number().int().min(1).optional(),
	baseValue: wireValue.nullish(),
	force: z.boolean().optional().default(false),
	source: z.enum(['tarjeta', 'tablero', 'tecnico']).optional().default('tarjeta')
});
export type FieldEdit = z.input<typeof fieldEditSchema>;
