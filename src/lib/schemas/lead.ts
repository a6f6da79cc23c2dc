import { z } from 'zod';
import { emailSchema } from './common';
import { titleCasePlace } from '$lib/domain/address';
import { fullNameSchema, phoneSchema } from './card';

const optionalEmail = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim())
	.pipe(z.union([z.literal('').transform(() => null), emailSchema]));

export const LEAD_SOURCES = ['ventas', 'web', 'cambaceo', 'otro'] as const;

/** "+ Nueva preinstalación" from the board: the three facts sales captures, and where it came from. */
export const leadSchema = z.object({
	fullName: fullNameSchema,
	phone: phoneSchema,
	email: optionalEmail,
	source: z.enum(LEAD_SOURCES, { error: 'Elige de dónde viene el cliente.' })
});
export type LeadInput = z.output<typeof leadSchema>;

/** Public form on /solicitar. `website` is the honeypot: people never see it, bots fill it. */
export const publicRequestSchema = z.object({
	fullName: fullNameSchema,
	phone: phoneSchema,
	email: optionalEmail,
	colonia: z
		.string()
		.optional()
		.transform((v) => titleCasePlace(v) || null)
		.pipe(z.string().max(120, 'La colonia es demasiado larga (máximo 120 caracteres).').nullable()),
	comments: z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim() || null)
		.pipe(z.string().max(1000, 'El mensaje es demasiado largo (máximo 1000 caracteres).').nullable()),
	website: z.string().optional()
});

/** Whole request bodies larger than this are refused before parsing. */
export const PUBLIC_REQUEST_MAX_BYTES = 8 * 1024;
