import { z } from 'zod';
import { emailSchema, passwordSchema, personNameSchema, uuidSchema } from './common';

export const ROLES = ['admin', 'coordinator', 'agent', 'technician'] as const;

export const roleSchema = z.enum(ROLES, { error: 'Elige un rol: administrador, coordinador, agente o técnico.' });

export const createUserSchema = z.object({
	name: personNameSchema,
	email: emailSchema,
	role: roleSchema,
	password: passwordSchema
});

export const updateUserSchema = z.object({
	id: uuidSchema,
	role: roleSchema.optional(),
	active: z
		.enum(['true', 'false'], { error: 'Estado no válido.' })
		.optional()
		.transform((v) => (v === undefined ? undefined : v === 'true'))
});

export const userIdSchema = z.object({ id: uuidSchema });

export type CreateUserInput = z.infer<typeof createUserSchema>;
