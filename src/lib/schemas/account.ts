import { z } from 'zod';
import { checkboxSchema, emailSchema, passwordSchema, personNameSchema, uuidSchema } from './common';
import { roleSchema } from './users';
import { parseMxPhone } from '$lib/domain/phones';

const MISMATCH = 'Las contraseñas no coinciden.';
const confirmSchema = z.string({ error: 'Repite la nueva contraseña.' }).max(200);

/** «Mi cuenta»: the current password proves it is the owner, not someone at an open browser. */
export const changePasswordSchema = z
	.object({
		current: z.string({ error: 'Escribe tu contraseña actual.' }).min(1, 'Escribe tu contraseña actual.').max(200),
		password: passwordSchema,
		passwordConfirm: confirmSchema
	})
	.refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: MISMATCH });

/** A new password through an emailed link. */
export const newPasswordSchema = z
	.object({ password: passwordSchema, passwordConfirm: confirmSchema })
	.refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: MISMATCH });

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optionalPhone = z.preprocess(
	blankToUndefined,
	z
		.string()
		.max(40, 'Escribe un teléfono de 10 dígitos, por ejemplo 998 123 4567.')
		.transform((v, ctx) => {
			const r = parseMxPhone(v);
			if (!r.ok) {
				ctx.addIssue({ code: 'custom', message: r.error });
				return z.NEVER;
			}
			return r.value;
		})
		.optional()
);

export const createInvitationSchema = z.object({
	name: personNameSchema,
	role: roleSchema,
	email: z.preprocess(blankToUndefined, emailSchema.optional()),
	phone: optionalPhone,
	sendEmail: checkboxSchema
});

/** The invitee's form; the email is asked only when the invitation carries none. */
export const acceptInvitationSchema = z
	.object({
		name: personNameSchema,
		email: z.preprocess(blankToUndefined, emailSchema.optional()),
		password: passwordSchema,
		passwordConfirm: confirmSchema
	})
	.refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: MISMATCH });

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const idSchema = z.object({ id: uuidSchema });

/** The links' tokens: 32 random bytes, base64url. */
export const accountTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Enlace no válido.');

/** A six-digit code from the authenticator app, or a recovery code (10 letters and digits, a dash allowed). */
export const twoFactorCodeSchema = z.object({
	code: z
		.string({ error: 'Escribe el código de 6 dígitos de tu aplicación o un código de recuperación.' })
		.trim()
		.max(40, 'Escribe el código de 6 dígitos de tu aplicación o un código de recuperación.')
		.transform((v) => v.replace(/[\s-]/g, '').toLowerCase())
		.refine(
			(v) => /^\d{6}$/.test(v) || /^[a-z2-7]{10}$/.test(v),
			'Escribe el código de 6 dígitos de tu aplicación o un código de recuperación.'
		)
});
