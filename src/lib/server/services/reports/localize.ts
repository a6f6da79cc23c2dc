/**
 * A report in the reader's language (issue 23). The builders write the Spanish the JSON API keeps
 * (its keys and words are stable for integrations); the page, its charts and the downloads read a
 * copy whose words come from the `reports_*` messages, found by the report's, section's and
 * column's keys. The provider's own names (zones, technicians, agents, sources, reasons) stay.
 */
import { m } from '$lib/paraglide/messages.js';
import type { AppLocale } from '$lib/i18n/locale';
import { stageName } from '$lib/i18n/stages';
import { REPORTS, type ReportKey } from '$lib/domain/reports';
import { STAGE_TABLE, type Stage } from '$lib/domain/stage-registry';
import type { Report, ReportColumn, ReportRow, ReportSection, ReportValue } from '$lib/types/reports';
import { LEAD_TIME_BUCKETS } from './times';
import { NONE } from './shared';

type Message = (inputs?: Record<string, unknown>, options?: { locale?: AppLocale }) => string;
// Server-only, so indexing the namespace bundles nothing extra into the page.
const MESSAGES = m as unknown as Record<string, Message | undefined>;

/** The message `key` in `locale`, or `fallback` (the builder's Spanish) when there is none. */
const say = (key: string, locale: AppLocale, fallback: string) => MESSAGES[key]?.({}, { locale }) ?? fallback;

const NONE_MESSAGES: Record<string, string | undefined> = {
	fuente: 'reports_no_source',
	zona: 'reports_no_zone',
	tecnico: 'reports_no_technician'
};
const STAGE_BY_LABEL = new Map<string, Stage>(STAGE_TABLE.map((s) => [s.label, s.key as Stage]));
const STAGE_KEYS = new Set<string>(STAGE_TABLE.map((s) => s.key));

function columnLabel(report: ReportKey, section: string, col: ReportColumn, locale: AppLocale): string {
	if (STAGE_KEYS.has(col.key)) return stageName(col.key as Stage, locale);
	return say(`reports_${report}_${section}_col_${col.key}`, locale, say(`reports_col_${col.key}`, locale, col.label));
}

/** The words a builder writes into cells: stage names, time ranges and «none» placeholders. */
function cell(column: string, value: ReportValue, locale: AppLocale): ReportValue {
	if (typeof value !== 'string') return value;
	if (column === 'etapa') {
		const stage = STAGE_BY_LABEL.get(value);
		return stage ? stageName(stage, locale) : value;
	}
	if (column === 'rango') {
		const i = LEAD_TIME_BUCKETS.findIndex((b) => b.label === value);
		return i >= 0 ? say(`reports_bucket_${i + 1}`, locale, value) : value;
	}
	const none = NONE_MESSAGES[column];
	return none && value === NONE[column as keyof typeof NONE] ? say(none, locale, value) : value;
}

function localizeSection(report: ReportKey, section: ReportSection, locale: AppLocale): ReportSection {
	const base = `reports_${report}_${section.key}`;
	const rows = section.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(k, v, locale)])) as ReportRow);
	return {
		...section,
		title: say(`${base}_title`, locale, section.title),
		description: say(`${base}_description`, locale, section.description),
		...(section.note ? { note: say(`${base}_note`, locale, section.note) } : {}),
		columns: section.columns.map((c) => ({ ...c, label: columnLabel(report, section.key, c, locale) })),
		rows
	};
}

/** `report` with its words in `locale`; Spanish is what the builders already wrote. */
export function localizeReport(report: Report, locale: AppLocale): Report {
	if (locale === 'es') return report;
	return { ...report, title: REPORTS[report.key][locale], sections: report.sections.map((s) => localizeSection(report.key, s, locale)) };
}
