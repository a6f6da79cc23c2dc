import { z } from 'zod';
import { isCivilDate } from '$lib/domain/dates';
import { normalizeName } from '$lib/domain/names';
import { DEFAULT_TIME_ZONE, isListedTimeZone } from '$lib/domain/time-zones';

// Spanish for zod's own messages (type errors and the like); our schemas add their own.
z.config(z.locales.es());

/**
 * C0 control characters (tab and line breaks aside), DEL, and halves of a UTF-16 pair without
 * their other half. No keyboard types them; PostgreSQL refuses NUL in text (22021) and a lone
 * surrogate cannot be encoded as UTF-8, so they are refused here with a sentence instead.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSAFE_TEXT_MESSAGE =
	'El texto tiene caracteres no válidos (de control o mal codificados): escríbelo de nuevo sin pegarlo de otro programa.';
export const TOO_DEEP_MESSAGE = 'Los datos enviados tienen una forma que no esperamos: recarga la página e inténtalo de nuevo.';
const MAX_DEPTH = 16;

export const isSafeText = (v: string): boolean => !UNSAFE_TEXT.test(v);

/**
 * Every string (keys too) anywhere in a request's input, checked before its own schema runs:
 * one place that keeps unstorable text out of every field, present and future.
 */
export const wellFormedInput = z.unknown().superRefine((input, ctx) => {
	const walk = (v: unknown, path: PropertyKey[]): boolean => {
		if (typeof v === 'string') {
			if (isSafeText(v)) return true;
			ctx.addIssue({ code: 'custom', message: UNSAFE_TEXT_MESSAGE, path, input: v });
			return false;
		}
		if (v === null || typeof v !== 'object') return true;
		if (path.length >= MAX_DEPTH) {
			ctx.addIssue({ code: 'custom', message: TOO_DEEP_MESSAGE, path, input: v });
			return false;
		}
		for (const [k, child] of Object.entries(v)) {
			if (!isSafeText(k)) {
				ctx.addIssue({ code: 'custom', message: UNSAFE_TEXT_MESSAGE, path, input: k });
				return false;
			}
			if (!walk(child, [...path, k])) return false;
		}
		return true;
	};
	walk(input, []);
});

/** A real day on the calendar as AAAA-MM-DD; `abort` keeps object-level checks from doing date arithmetic on it. */
export const civilDateSchema = (message = 'Escribe una fecha válida (AAAA-MM-DD), por ejemplo 2026-12-05.') =>
	z.string({ error: message }).refine(isCivilDate, { message, abort: true });

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
	.max(120, 'El nombre es demasiado largo (máximo 120 caracteres).')
	// People of the office are written like customers (process 4, step 4.6): «ana lópez» → «Ana López».
	.transform((v) => normalizeName(v));

/** One of the list the settings form offers (domain/time-zones.ts), never a typed name. */
export const timeZoneSchema = z
	.string()
	.trim()
	.default(DEFAULT_TIME_ZONE)
	.refine(isListedTimeZone, 'Elige una zona horaria válida, por ejemplo America/Cancun.');

export const uuidSchema = z.uuid('Identificador no válido.');

/** HTML checkboxes send "on" when ticked and nothing otherwise. */
export const checkboxSchema = z
	.union([z.literal('on'), z.literal('true'), z.literal('false'), z.boolean()])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');
