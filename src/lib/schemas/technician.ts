import { z } from 'zod';
import type { Stage } from '$lib/domain/stages';
import type { AddonKind } from '$lib/domain/addon-kinds';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number, what: string) =>
	z.preprocess(blankToNull, z.string().trim().max(max, `${what} es demasiado largo (máximo ${max} caracteres).`).nullable().optional());

/** "aa-bb-cc-dd-ee-ff", "aabb.ccdd.eeff", "aabbccddeeff" → "AA:BB:CC:DD:EE:FF". */
export function normalizeMac(raw: string): string | null {
	const hex = raw
		.trim()
		.toUpperCase()
		.replace(/[\s:.-]/g, '');
	if (!/^[0-9A-F]{12}$/.test(hex)) return null;
	return hex.match(/../g)!.join(':');
}

const macSchema = z.preprocess(
	blankToNull,
	z
		.string()
		.transform((v, ctx) => {
			const mac = normalizeMac(v);
			if (!mac) {
				ctx.addIssue({
					code: 'custom',
					message: 'La MAC debe tener 12 caracteres hexadecimales, por ejemplo AA:BB:CC:DD:EE:FF (la encuentras en la etiqueta del equipo).'
				});
				return z.NEVER;
			}
			return mac;
		})
		.nullable()
		.optional()
);

/** What the installer captures on site. Empty fields clear the value. */
export const jobFieldsSchema = z.object({
	dni: z.preprocess(
		blankToNull,
		z
			.string()
			.trim()
			.regex(/^[A-Za-z0-9-]{3,40}$/, 'El DNI solo lleva letras, números o guiones (de 3 a 40).')
			.nullable()
			.optional()
	),
	cpeMac: macSchema,
	onuSerial: z.preprocess(
		(v) => (typeof v === 'string' ? blankToNull(v.replace(/\s/g, '').toUpperCase()) : v),
		z
			.string()
			.regex(/^[A-Z0-9-]{4,32}$/, 'La serie de la ONU lleva de 4 a 32 letras o números, por ejemplo ZTEGC1234567.')
			.nullable()
			.optional()
	),
	routerModel: optionalText(60, 'El modelo del router'),
	signalNotes: optionalText(1000, 'El texto de señal y notas')
});
export type JobFields = z.infer<typeof jobFieldsSchema>;

export const JOB_FIELD_NAMES = ['dni', 'cpeMac', 'onuSerial', 'routerModel', 'signalNotes'] as const;
export type JobFieldName = (typeof JOB_FIELD_NAMES)[number];

/** One line of the technician's route; only what the list shows, to keep the payload small. */
export interface JobSummary {
	id: string;
	folio: number;
	stage: Stage;
	fullName: string;
	colonia: string | null;
	address: string;
	installationDate: string | null;
	installationTime: string | null;
	routeOrder: number | null;
	planName: string | null;
	done: boolean;
}

export interface JobAddon {
	kind: AddonKind;
	planName: string | null;
	username: string | null;
	password: string | null;
	phoneNumber: string | null;
	tvType: string | null;
	ip: string | null;
	externalId: string | null;
	onuSerial: string | null;
}

export interface JobDetail {
	id: string;
	folio: number;
	stage: Stage;
	version: number;
	fullName: string;
	phone: string | null;
	phoneAlt: string | null;
	address: string;
	addressParts: {
		sm: string | null;
		mz: string | null;
		lt: string | null;
		ext: string | null;
		int: string | null;
		building: string | null;
		street: string | null;
		colonia: string | null;
		city: string | null;
	};
	lat: number | null;
	lng: number | null;
	zoneName: string | null;
	serviceType: string | null;
	planName: string | null;
	installationDate: string | null;
	installationTime: string | null;
	pppoeUser: string | null;
	pppoePassword: string | null;
	wifiPassword: string | null;
	ip: string | null;
	externalId: string | null;
	addons: JobAddon[];
	special: {
		rooftopAccess: boolean | null;
		rooftopKey: string | null;
		fiberCrossing: boolean | null;
		fiberCrossingNote: string | null;
		modemNearOutlet: boolean | null;
		comments: string | null;
	};
	fields: { dni: string | null; cpeMac: string | null; onuSerial: string | null; routerModel: string | null; signalNotes: string | null };
	completedAt: string | null;
	sheetSignedAt: string | null;
	photos: number;
	/** «Llegué»: when the technician reached the home, and where when they agreed to share it. */
	arrivedAt: string | null;
	arrivedCoords: { lat: number; lng: number } | null;
	/** What still keeps the job from "Activa", in Spanish. */
	missing: string[];
}

export type CompleteResult = { ok: true; stage: Stage; reasons: string[] } | { ok: false; message: string; reasons: string[] };
