/**
 * The filters every report takes (issue 21), as query parameters of /api/reportes/<slug> and of the
 * «Reportes» page: `desde` and `hasta` (AAAA-MM-DD, the organisation's calendar), `zona`, `agente`
 * and `tecnico` (ids; blank means all). Without dates a report covers the last 90 days.
 */
import { z } from 'zod';
import { civilDateSchema } from './common';
import { addDays, diffDays } from '$lib/domain/dates';
import { MAX_REPORT_DAYS } from '$lib/domain/reports';
import type { ReportFilters } from '$lib/types/reports';

/** Days a report covers when the query names no dates (today included). */
export const DEFAULT_REPORT_DAYS = 90;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

const optionalDate = (message: string) => z.preprocess(blankToUndefined, civilDateSchema(message).optional());
const optionalId = (message: string) => z.preprocess(blankToUndefined, z.uuid(message).optional());

/** The query as sent: every field optional, blank = not given. */
export const reportFilterSchema = z.object({
	desde: optionalDate('Escribe la fecha inicial como AAAA-MM-DD, por ejemplo 2026-09-01.'),
	hasta: optionalDate('Escribe la fecha final como AAAA-MM-DD, por ejemplo 2026-12-05.'),
	zona: optionalId('La zona elegida no existe: elige otra de la lista.'),
	agente: optionalId('El asesor elegido no existe: elige otro de la lista.'),
	tecnico: optionalId('El técnico elegido no existe: elige otro de la lista.')
});
export type ReportFilterInput = z.output<typeof reportFilterSchema>;

export type ResolvedFilters = { ok: true; filters: ReportFilters } | { ok: false; message: string };

/**
 * The filters with their defaults (`hasta` = today, `desde` = 89 days before `hasta`), refused when
 * the range runs backwards or is longer than MAX_REPORT_DAYS.
 */
export function resolveReportFilters(input: ReportFilterInput, today: string): ResolvedFilters {
	const hasta = input.hasta ?? (input.desde && input.desde > today ? input.desde : today);
	const desde = input.desde ?? addDays(hasta, -(DEFAULT_REPORT_DAYS - 1));
	if (desde > hasta) return { ok: false, message: 'La fecha inicial debe ser anterior o igual a la fecha final.' };
	if (diffDays(desde, hasta) + 1 > MAX_REPORT_DAYS) {
		return { ok: false, message: `El periodo puede cubrir hasta ${MAX_REPORT_DAYS} días: acorta las fechas.` };
	}
	return { ok: true, filters: { desde, hasta, zona: input.zona ?? null, agente: input.agente ?? null, tecnico: input.tecnico ?? null } };
}
