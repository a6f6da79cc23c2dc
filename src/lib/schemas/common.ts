import { z } from 'zod';

// Spanish for zod's own messages (type errors and the like); our schemas add their own.
z.config(z.locales.es());

export const emailSchema = z
	.string({ error: 'Escribe un correo electrónico.' })
	.trim()
	.toLowerCase()
	.max(254, 'El correo es demasiado largo.')
	.pipe(z.email('Escribe un correo electrónico válido, por ejemplo nombre@dominio.com.'));

export const passwordSchema = z
	.string({ error: 'Escribe una contraseña.' })
	.min(10, 'La contraseña debe tener al menos 10 caracteres.')
	.max(200, 'La contraseña es demasiado larga.');

export const personNameSchema = z
	.string({ error: 'Escribe un nombre.' })
	.trim()
	.min(2, 'Escribe un nombre de al menos 2 letras.')
	.max(120, 'El nombre es demasiado largo (máximo 120 caracteres).');

export const timeZoneSchema = z
	.string()
	.trim()
	.default('America/Cancun')
	.refine(isTimeZone, 'Elige una zona horaria válida, por ejemplo America/Cancun.');

export const uuidSchema = z.uuid('Identificador no válido.');

/** HTML checkboxes send "on" when ticked and nothing otherwise. */
export const checkboxSchema = z
	.union([z.literal('on'), z.literal('true'), z.literal('false'), z.boolean()])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');

function isTimeZone(tz: string): boolean {
	try {
		new Intl.DateTimeFormat('es-MX', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}
