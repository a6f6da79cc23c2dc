import { z } from 'zod';
import { checkboxSchema, uuidSchema } from './common';
import { STAGES } from '$lib/domain/stages';

// Where the sync may start: a stage where the card can hold what WispHub requires (PPPoE, IP, plan).
export const WISPHUB_TRIGGER_STAGES = STAGES.filter((s) => s !== 'preinstalacion' && s !== 'cancelada');

const baseUrl = z.string().trim().max(300, 'La URL es demasiado larga.');
const apiKey = z
	.string()
	.trim()
	.max(300, 'La clave es demasiado larga.')
	.refine((v) => !/\s/.test(v), 'La clave de API no lleva espacios.');

/** Ajustes → Integraciones. An empty key keeps the stored one. */
export const wisphubSettingsSchema = z.object({
	enabled: checkboxSchema,
	baseUrl,
	apiKey: apiKey.optional().default(''),
	triggerStage: z.enum(WISPHUB_TRIGGER_STAGES as [string, ...string[]], { error: 'Elige la etapa en la que se envía a WispHub.' })
});

/** «Probar conexión» may test what is typed before saving it. */
export const wisphubTestSchema = z.object({ baseUrl: baseUrl.optional().default(''), apiKey: apiKey.optional().default('') });

export const wisphubMapSchema = z.object({
	kind: z.enum(['zona', 'plan', 'tecnico'], { error: 'Tipo de catálogo no válido.' }),
	remoteId: z.string().trim().min(1, 'Falta el elemento de WispHub.').max(60, 'Identificador de WispHub no válido.'),
	localId: z.union([uuidSchema, z.literal('')]).transform((v) => v || null)
});

export const wisphubRetrySchema = z.object({ id: uuidSchema });

export const wisphubJobFilterSchema = z.object({
	state: z
		.enum(['pendiente', 'enviando', 'esperando', 'sincronizado', 'error', ''])
		.optional()
		.default('')
		.transform((v) => v || undefined),
	q: z
		.string()
		.trim()
		.max(100)
		.optional()
		.default('')
		.transform((v) => v || undefined)
});
