import { z } from 'zod';
import { uuidSchema } from './common';
import { isCivilDate } from '$lib/domain/dates';

export const attachProductSchema = z.object({
	installationId: uuidSchema,
	productId: uuidSchema,
	paymentType: z.enum(['unico', 'mensualidades']).optional(),
	installments: z.coerce.number().int().min(1, 'Al menos 1 mensualidad.').max(60, 'Como máximo 60 mensualidades.').optional(),
	startDate: z
		.string()
		.optional()
		.transform((v) => (v ? v : undefined))
		.refine((v) => v === undefined || isCivilDate(v), 'Escribe la fecha del primer pago como AAAA-MM-DD.')
});

export const detachProductSchema = z.object({ id: uuidSchema });

export const refundChecklistSchema = z.object({
	installationId: uuidSchema,
	key: z.enum(['ultima_factura_pagada', 'penalizacion_pagada', 'equipo_devuelto', 'garantia_anexada']),
	done: z.union([z.boolean(), z.literal('true'), z.literal('false')]).transform((v) => v === true || v === 'true')
});
