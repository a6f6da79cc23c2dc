/** Small helpers the report builders share: the scope, ratios and section shapes. */
import type { ReportChart, ReportColumn, ReportColumnType, ReportRow, ReportSection } from '$lib/types/reports';
import { STAGE_LABELS, type Stage } from '$lib/domain/stage-registry';
import type { OrgSettings } from '$lib/schemas/settings';
import type { Executor } from '../../db/card-tx';
import type { ReportScope } from '../../db/reports-common';

export interface ReportContext {
	db: Executor;
	scope: ReportScope;
	settings: OrgSettings;
}

export type SectionBuilder = (ctx: ReportContext) => Promise<ReportSection[]>;

/** a / b rounded to four places; null when there is nothing to divide by. */
export const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

/** One decimal place. */
export const oneDecimal = (v: number): number => Math.round(v * 10) / 10;

export const col = (key: string, label: string, type: ReportColumnType): ReportColumn => ({ key, label, type });

/** What a row says when its card has no source, zone or technician (the page translates it by its column). */
export const NONE = { fuente: 'Sin dato', zona: 'Sin zona', tecnico: 'Sin técnico' } as const;

export const stageLabel = (stage: string): string => STAGE_LABELS[stage as Stage] ?? stage;

export function section(
	key: string,
	title: string,
	description: string,
	columns: ReportColumn[],
	rows: ReportRow[],
	chart: ReportChart | null,
	note?: string
): ReportSection {
	return note ? { key, title, description, chart, columns, rows, note } : { key, title, description, chart, columns, rows };
}
