import { z } from 'zod';
import { AUDIT_KINDS } from '$lib/domain/audit-kinds';
import { isCivilDate } from '$lib/domain/dates';

const blankToNull = z
	.string({ error: 'Valor no válido.' })
	.optional()
	.transform((v) => v?.trim() || null);
const civil = (message: string) => blankToNull.pipe(z.string().refine(isCivilDate, message).nullable());

/** The audit page's filters, as the query string carries them (blank = any). */
export const auditFilterSchema = z
	.object({
		kind: blankToNull.pipe(z.enum(AUDIT_KINDS, { error: 'Elige un tipo de la lista.' }).nullable()),
		user: blankToNull.pipe(z.uuid('Elige una persona de la lista.').nullable()),
		desde: civil('Escribe la fecha inicial como AAAA-MM-DD.'),
		hasta: civil('Escribe la fecha final como AAAA-MM-DD.')
	})
	.refine((f) => !f.desde || !f.hasta || f.desde <= f.hasta, {
		message: 'La fecha inicial debe ser anterior o igual a la final.',
		path: ['hasta']
	});
