/**
 * The date range a report preset stands for (issue 21), counted in the organisation's calendar:
 * «esta semana» is Monday to today, «este mes» the 1st to today, «últimos 90 días» today and the 89
 * before. Pure: the page resolves the preset once and passes plain dates to the reports and the
 * downloads, so a shared link and its download cover the same days.
 */
import { DATE_PRESETS, type DatePreset } from './reports';
import { addDays, dateParts, formatDate, isCivilDate, type CivilDate } from './dates';

export const isDatePreset = (v: unknown): v is DatePreset => typeof v === 'string' && (DATE_PRESETS as readonly string[]).includes(v);

/** The default when the URL names no preset. */
export const DEFAULT_PRESET: DatePreset = 'mes';

export function presetRange(preset: Exclude<DatePreset, 'personalizado'>, today: CivilDate): { desde: CivilDate; hasta: CivilDate } {
	const { year, month, day } = dateParts(today);
	if (preset === 'mes') return { desde: formatDate(year, month, 1), hasta: today };
	if (preset === '90_dias') return { desde: addDays(today, -89), hasta: today };
	const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = domingo
	return { desde: addDays(today, -((weekday + 6) % 7)), hasta: today };
}

export interface ResolvedRange {
	preset: DatePreset;
	desde: string;
	hasta: string;
}

/**
 * The range the page shows for its query: a preset's days, or the two typed dates when
 * «personalizado» (passed on as typed; the report schema refuses impossible ones with a message).
 */
export function resolveRange(
	query: { periodo?: string | null; desde?: string | null; hasta?: string | null },
	today: CivilDate
): ResolvedRange {
	const preset = isDatePreset(query.periodo) ? query.periodo : DEFAULT_PRESET;
	if (preset !== 'personalizado') return { preset, ...presetRange(preset, today) };
	const fallback = presetRange('mes', today);
	const desde = query.desde?.trim() || fallback.desde;
	const hasta = query.hasta?.trim() || (isCivilDate(desde) && desde > today ? desde : today);
	return { preset, desde, hasta };
}
