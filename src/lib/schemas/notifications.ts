import { z } from 'zod';
import { checkboxSchema, uuidSchema } from './common';
import { NOTIFICATION_KIND_KEYS, type NotificationKind } from '$lib/domain/notification-kinds';

/** Mark one notice read (`id`) or all of them (`all`). */
export const markReadSchema = z.union(
	[z.object({ id: uuidSchema }).strict(), z.object({ all: z.literal(true) }).strict()],
	'Indica qué aviso marcar como leído.'
);

const kindSchema = z.enum(NOTIFICATION_KIND_KEYS, 'Ese tipo de aviso no existe.');

/**
 * The preferences form: `shown` lists the kinds the form showed (a hidden field), and one checkbox
 * per kind (an unticked box is not sent, i.e. off). Only the kinds shown change.
 */
export const preferencesSchema = z.object({
	shown: z
		.string('Recarga la página y vuelve a guardar tus avisos.')
		.max(400, 'Recarga la página y vuelve a guardar tus avisos.')
		.transform((v) => v.split(',').filter(Boolean))
		.pipe(z.array(kindSchema).min(1, 'Recarga la página y vuelve a guardar tus avisos.')),
	...(Object.fromEntries(NOTIFICATION_KIND_KEYS.map((k) => [k, checkboxSchema])) as Record<NotificationKind, typeof checkboxSchema>)
});
