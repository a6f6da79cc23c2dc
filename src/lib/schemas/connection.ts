import { z } from 'zod';
import { uuidSchema } from './common';

const optionalUuid = z.union([uuidSchema, z.literal('').transform(() => null), z.null()]).optional();

/** Connection data (process 4, step 5); every value is a generated default the coordinator may edit. */
export const connectionSchema = z.object({
	installationId: uuidSchema,
	pppoeUser: z
		.string({ error: 'Escribe el usuario PPPoE.' })
		.trim()
		.min(3, 'El usuario PPPoE debe tener al menos 3 caracteres.')
		.max(64, 'El usuario PPPoE es demasiado largo (máximo 64).')
		.regex(/^[A-Za-z0-9._@-]+$/, 'El usuario PPPoE solo puede llevar letras, números, punto, guion, guion bajo y @.'),
	pppoePassword: z
		.string({ error: 'Escribe la contraseña PPPoE.' })
		.trim()
		.min(4, 'La contraseña PPPoE debe tener al menos 4 caracteres.')
		.max(64, 'La contraseña PPPoE es demasiado larga (máximo 64).'),
	wifiPassword: z
		.string()
		.trim()
		.max(63, 'La contraseña Wi-Fi puede tener como máximo 63 caracteres.')
		.refine((v) => v === '' || v.length >= 8, 'La contraseña Wi-Fi debe tener al menos 8 caracteres.')
		.optional(),
	/** The Wi-Fi network's name (SSID) set on the router; the welcome message sends it. */
	wifiName: z.string().trim().max(32, 'El nombre de la red Wi-Fi puede tener como máximo 32 caracteres.').optional(),
	externalId: z.string().trim().max(40, 'El ID externo es demasiado largo.').optional(),
	planId: optionalUuid
});

export type ConnectionInput = z.infer<typeof connectionSchema>;
