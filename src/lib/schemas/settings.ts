import { z } from 'zod';
import { DEFAULT_SLA, DEFAULT_WIP, OPEN_STAGES, type OpenStage } from '$lib/domain/stage-registry';
import { followUpRulesSchema } from './follow-up';
import { messageTextsSettingsSchema } from './message-templates';
import { DEFAULT_RETENTION_DAYS } from '$lib/domain/arco';
import { CANCEL_REASON_KEY, DEFAULT_CANCEL_REASONS, MAX_CANCEL_REASONS } from '$lib/domain/cancel-reasons';

const cents = z.number().int('Usa centavos enteros.').min(0, 'El monto no puede ser negativo.').max(100_000_000);

const slaSchema = z.object({
	warnHours: z
		.number()
		.int()
		.min(1)
		.max(24 * 90),
	lateHours: z
		.number()
		.int()
		.min(1)
		.max(24 * 180)
});

/** The provider's cancellation reasons, in the order the dialog offers them (see domain/cancel-reasons.ts). */
export const cancelReasonsSchema = z
	.array(
		z.object({
			key: z.string().regex(CANCEL_REASON_KEY, 'Clave de motivo no válida: recarga la página.'),
			label: z
				.string({ error: 'Escribe el nombre del motivo.' })
				.trim()
				.min(1, 'Escribe el nombre del motivo.')
				.max(60, 'El nombre del motivo es demasiado largo (máximo 60 caracteres).')
		})
	)
	.min(1, 'Deja al menos un motivo de cancelación.')
	.max(MAX_CANCEL_REASONS, `Caben hasta ${MAX_CANCEL_REASONS} motivos de cancelación.`)
	.superRefine((list, ctx) => {
		const keys = new Set<string>();
		const labels = new Set<string>();
		for (const [i, r] of list.entries()) {
			const label = r.label.toLocaleLowerCase('es-MX');
			if (keys.has(r.key))
				ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'Hay dos motivos con la misma clave: recarga la página.' });
			if (labels.has(label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `El motivo «${r.label}» está repetido.` });
			keys.add(r.key);
			labels.add(label);
		}
	});

const stageRecord = <T extends z.ZodType>(item: T) =>
	z.object(Object.fromEntries(OPEN_STAGES.map((s) => [s, item])) as Record<OpenStage, T>);

/** Organization settings (stored as jsonb on organizations); every field has a default. */
export const orgSettingsSchema = z.object({
	installationCostCents: cents.default(120_000),
	depositCents: cents.default(50_000),
	promotionFreeInstallation: z.boolean().default(true),
	wifiSuffix: z.string().trim().max(20).default('2024MB'),
	sipServer: z.string().trim().max(120).default('sip.proveedor.mx'),
	cities: z.array(z.string().trim().min(1).max(60)).max(50).default(['Cancún', 'Benito Juárez']),
	howHeard: z
		.array(z.string().trim().min(1).max(60))
		.max(50)
		.default(['Facebook', 'Recomendación de un conocido', 'Volante', 'Página web', 'Cambaceo', 'Otro']),
	objectionSnippets: z
		.array(z.object({ title: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(600) }))
		.max(30)
		.default([
			{
				title: 'Precio',
				text: 'Entiendo su preocupación con el precio, pero nuestro servicio ofrece mayor estabilidad y atención personalizada.'
			},
			{
				title: 'Competencia',
				text: 'Sabemos que hay opciones más económicas, pero la diferencia en velocidad y soporte técnico vale la pena.'
			}
		]),
	sla: stageRecord(slaSchema).default(DEFAULT_SLA),
	wipLimits: stageRecord(z.number().int().min(1).max(10_000).nullable()).default(DEFAULT_WIP),
	activeVisibleDays: z.number().int().min(1).max(365).default(14),
	contractRequiredFor: z.array(z.enum(['12_meses', 'indefinido'])).default(['12_meses']),
	requiredEquipmentFields: z.array(z.enum(['cpeMac', 'onuSerial', 'routerModel', 'dni'])).default(['cpeMac']),
	technicianDailyCapacity: z.number().int().min(1).max(30).default(4),
	signingLinkDays: z.number().int().min(1).max(60).default(7),
	uploadMaxMb: z.number().int().min(1).max(50).default(15),
	cancelReasons: cancelReasonsSchema.default(DEFAULT_CANCEL_REASONS.map((r) => ({ ...r }))),
	proration: z
		.object({
			divisor: z.enum(['periodo', 'mes', '30']).default('mes'),
			chargeInstallationDay: z.boolean().default(true),
			fullMonthUntilDay: z.number().int().min(1).max(28).nullable().default(null),
			skipFromDay: z.number().int().min(2).max(31).nullable().default(null),
			roundToPesos: z.boolean().default(true),
			freeDays: z.number().int().min(0).max(60).default(0),
			prontoPagoDays: z.number().int().min(0).max(31).default(0),
			prontoPagoKind: z.enum(['monto', 'porcentaje']).default('monto'),
			prontoPagoDiscountCents: cents.default(0),
			prontoPagoPercent: z.number().int().min(0).max(100).default(0)
		})
		.prefault({}),
	/** Lead follow-up cadence (issue 20): «no localizable» suggestion, callback delays, office hours. */
	followUp: followUpRulesSchema,
	/** Messages to the customer (issue 20): the texts the provider rewrote, by template. */
	messageTemplates: messageTextsSettingsSchema,
	/** The office TV shows the summary slide every this many minutes (issue 21); 0 = never. */
	displaySummaryMinutes: z.number().int().min(0).max(240).default(0),
	/** Personal data (LFPDPPP): delete the ID images of cards cancelled more than `retentionDays` ago. */
	privacy: z
		.object({
			retentionEnabled: z.boolean().default(false),
			retentionDays: z.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS)
		})
		.prefault({})
});

export type OrgSettings = z.infer<typeof orgSettingsSchema>;

/** Stored settings merged over the defaults; unknown or broken keys fall back to defaults. */
export function readSettings(stored: unknown): OrgSettings {
	const parsed = orgSettingsSchema.safeParse(stored ?? {});
	if (parsed.success) return parsed.data;
	const clean: Record<string, unknown> = {};
	for (const [k, v] of Object.entries((stored as Record<string, unknown>) ?? {})) {
		const one = orgSettingsSchema.safeParse({ [k]: v });
		if (one.success) clean[k] = v;
	}
	return orgSettingsSchema.parse(clean);
}
