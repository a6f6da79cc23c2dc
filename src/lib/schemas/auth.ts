import { z } from 'zod';
import { checkboxSchema, emailSchema, passwordSchema, personNameSchema, timeZoneSchema } from './common';

export const loginSchema = z.object({
	email: emailSchema,
	password: z.string({ error: 'Escribe tu contraseña.' }).min(1, 'Escribe tu contraseña.').max(200)
});

export const setupSchema = z
	.object({
		orgName: z
			.string({ error: 'Escribe el nombre del proveedor.' })
			.trim()
			.min(2, 'Escribe el nombre del proveedor (al menos 2 letras).')
			.max(120, 'El nombre del proveedor es demasiado largo.'),
		timeZone: timeZoneSchema,
		adminName: personNameSchema,
		email: emailSchema,
		password: passwordSchema,
		passwordConfirm: z.string({ error: 'Repite la contraseña.' }),
		demo: checkboxSchema
	})
	.refine((v) => v.password === v.passwordConfirm, {
		path: ['passwordConfirm'],
		message: 'Las contraseñas no coinciden.'
	});

export type SetupInput = z.infer<typeof setupSchema>;
