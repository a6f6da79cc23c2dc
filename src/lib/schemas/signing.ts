import { z } from 'zod';
import { documentKindSchema } from './documents';

const MAX_PNG = 400_000;

/** What the signature pad sends: a PNG data URL, the signer's name and the consent tick. */
export const signSchema = z.object({
	signerName: z.string().trim().min(2, 'Escribe el nombre de quien firma.').max(120, 'El nombre es demasiado largo.'),
	consent: z
		.union([z.literal('on'), z.literal('true'), z.boolean()], { error: 'Marca la casilla para aceptar el documento.' })
		.transform((v) => v === true || v === 'on' || v === 'true')
		.refine((v) => v, 'Marca la casilla para aceptar el documento.'),
	signature: z
		.string({ error: 'Dibuja tu firma en el recuadro.' })
		.regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'Dibuja tu firma en el recuadro.')
		.max(MAX_PNG, 'La firma es demasiado grande; bórrala y vuelve a firmar.'),
	/** SHA-256 of the content the signer saw; must match what the server would sign. */
	contentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'El documento cambió; recarga la página y vuelve a firmar.')
});

export const inPersonSignSchema = signSchema.extend({ kind: documentKindSchema });

export const linkRequestSchema = z.object({ kind: documentKindSchema });

export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Enlace no válido.');
