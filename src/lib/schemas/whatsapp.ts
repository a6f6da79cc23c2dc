import { z } from 'zod';
import { checkboxSchema, uuidSchema } from './common';
import { CLOUD_TEXT_MAX } from '$lib/domain/whatsapp-cloud';

const secret = (label: string) =>
	z
		.string()
		.trim()
		.max(1000, `${label} es demasiado largo.`)
		.refine((v) => !/\s/.test(v), `${label} no lleva espacios.`)
		.optional()
		.default('');

/** Ajustes → Integraciones → WhatsApp. An empty secret keeps the stored one. */
export const cloudSettingsSchema = z.object({
	enabled: checkboxSchema,
	phoneNumberId: z
		.string()
		.trim()
		.regex(
			/^(\d{5,30})?$/,
			'El identificador del número de teléfono son solo dígitos (lo ves en Meta → WhatsApp → Configuración de la API).'
		)
		.optional()
		.default(''),
	accessToken: secret('El token de acceso'),
	appSecret: secret('La clave secreta de la app'),
	verifyToken: secret('El token de verificación')
});

/** «Probar conexión» may test what is typed before saving it. */
export const cloudTestSchema = cloudSettingsSchema.pick({ phoneNumberId: true, accessToken: true });

/** A message from the card: the template it came from and its text (as the person read it). */
export const cloudSendSchema = z.object({
	templateKey: z
		.string()
		.trim()
		.regex(/^[a-z0-9_]{1,60}$/, 'Elige qué mensaje enviar.')
		.optional()
		.default('libre'),
	text: z.string().trim().min(1, 'Escribe el mensaje.').max(CLOUD_TEXT_MAX, `El mensaje no puede pasar de ${CLOUD_TEXT_MAX} caracteres.`)
});

export const cloudRetrySchema = z.object({ id: uuidSchema });
