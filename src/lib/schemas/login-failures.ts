import { z } from 'zod';

export const dismissLoginFailuresSchema = z.object({
	hasta: z.coerce
		.number({ error: 'Falta cuáles avisos descartar. Recarga la página e inténtalo de nuevo.' })
		.int('Falta cuáles avisos descartar. Recarga la página e inténtalo de nuevo.')
		.positive('Falta cuáles avisos descartar. Recarga la página e inténtalo de nuevo.')
		.max(Number.MAX_SAFE_INTEGER, 'Falta cuáles avisos descartar. Recarga la página e inténtalo de nuevo.')
});
