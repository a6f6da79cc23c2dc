import { z } from 'zod';
import { uuidSchema } from './common';
import { isCivilDate } from '$lib/domain/dates';

export const attachProductSchema = z.object({
	installationId: uuidSchema,
	productId: uuidSchema,
	paymentType: z.enum(['unico', 'mensualidades'], { error: 'Elige el tipo de pago.' }).optional(),
	installments: z.coerce
		.number({ error: 'Escribe el número de mensualidades, solo con números.' })
		.int('Escribe el número de mensualidades sin decimales.')
		.min(1, 'Al menos 1 mensualidad.')
		.max(60, 'Como máximo 60 mensualidades.')
		.optional(),
	startDate: z
		.string({ error: 'Escribe la fecha del primer pago como AAAA-MM-DD.' })
		.optional()
		.transform((v) => (v ? v : undefined))
		.refine((v) => v === undefined || isCivilDate(v), 'Escribe la fecha del primer pago como AAAA-MM-DD.')
});

export const detachProductSchema = z.object({ id: uuidSchema });

export const refundChecklistSchema = z.object({
	installationId: uuidSchema,
	key: z.enum(['ultima_factura_pagada', 'penalizacion_pagada', 'equipo_devuelto', 'garantia_anexada'], {
		error: 'Elige una condición de la lista.'
	}),
	done: z
		.union([z.boolean(), z.literal('true'), z.literal('false')], { error: 'Indica sí o no.' })
		.transform((v) => v === true || v === 'true')
});
