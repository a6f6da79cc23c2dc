import { z } from 'zod';
import { checkboxSchema, uuidSchema } from './common';
import { NOTIFICATION_KIND_KEYS, type NotificationKind } from '$lib/domain/notification-kinds';

/** Mark one notice read (`id`) or all of them (`all`). */
export const markReadSchema = z.union(
	[z.object({ id: uuidSchema }).strict(), z.object({ all: z.literal(true) }).strict()],
	'Indica qué aviso marcar como leído.'
);

/** The preferences form: one checkbox per kind (an unticked box is not sent, i.e. off). */
export const preferencesSchema = z.object(
	Object.fromEntries(NOTIFICATION_KIND_KEYS.map((k) => [k, checkboxSchema])) as Record<NotificationKind, typeof checkboxSchema>
);
