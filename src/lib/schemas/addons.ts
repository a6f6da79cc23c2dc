import { z } from 'zod';
import { checkboxSchema, uuidSchema } from './common';
import { ADDON_KINDS, ADDON_KIND_KEYS, PLACEHOLDER_NUMBER, TV_TYPES } from '$lib/domain/addon-kinds';

export { PLACEHOLDER_NUMBER };

const optionalUuid = z.union([uuidSchema, z.literal('').transform(() => null), z.null()]).optional();

export const addAddonSchema = z.object({
	installationId: uuidSchema,
	kind: z.enum(ADDON_KIND_KEYS, { error: `Elige ${ADDON_KINDS.map((k) => k.label.toLowerCase()).join(' o ')}.` }),
	planId: optionalUuid,
	tvType: z.enum(TV_TYPES).optional()
});

export const updateAddonSchema = z.object({
	id: uuidSchema,
	planId: optionalUuid,
	username: z.string().trim().max(64).optional(),
	password: z.string().trim().max(64).optional(),
	phoneNumber: z
		.string()
		.trim()
		.regex(/^\d{10}$/, 'El número de teléfono debe tener 10 dígitos.')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	sipServer: z.string().trim().max(120).optional(),
	onuSerial: z.string().trim().max(60).optional(),
	tvType: z.enum(TV_TYPES).optional(),
	router: z.string().trim().max(80).optional(),
	cutService: checkboxSchema
});

export const removeAddonSchema = z.object({ id: uuidSchema });
