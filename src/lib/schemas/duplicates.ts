import { z } from 'zod';

/** «Fusionar» or «No es duplicado» on one pair of the card's banner. */
export const duplicateActionSchema = z.object({
	pairId: z.uuid('Ese aviso de duplicado no existe: recarga la tarjeta.'),
	action: z.enum(['fusionar', 'descartar'], { error: 'Elige «Fusionar» o «No es duplicado».' })
});
export type DuplicateActionInput = z.infer<typeof duplicateActionSchema>;
