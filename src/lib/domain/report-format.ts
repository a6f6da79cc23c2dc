/**
 * How a report's numbers read (issue 21): one formatter for the page's tables, the charts' axes and
 * labels, and the charts' text alternatives, so the picture and the numbers under it agree. Pure.
 */
import type { ReportColumn, ReportColumnType, ReportSection, ReportValue } from '$lib/types/reports';
import { formatDateIn, isCivilDate } from './dates';

const numberFormats = new Map<string, { int: Intl.NumberFormat; hours: Intl.NumberFormat; mxn: Intl.NumberFormat }>();
function formatsFor(locale: string) {
	let f = numberFormats.get(locale);
	if (!f) {
		const mxn = {
			style: 'currency',
			currency: 'MXN',
			currencyDisplay: 'narrowSymbol',
			minimumFractionDigits: 2,
			maximumFractionDigits: 2
		} as const;
		f = {
			int: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
			hours: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
			mxn: new Intl.NumberFormat(locale, mxn)
		};
		numberFormats.set(locale, f);
	}
	return f;
}

/** What an empty cell reads as. */
export const EMPTY_CELL = '—';

const num = (v: ReportValue): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** «$1,234.00», «45 %», «1 sep 2026», «12.5 h», «1,234»; in `locale` (es-MX for downloads and charts). */
export function formatReportValue(value: ReportValue, type: ReportColumnType, locale = 'es-MX'): string {
	if (value === null || value === undefined || value === '') return EMPTY_CELL;
	if (type === 'text') return String(value);
	if (type === 'date') return typeof value === 'string' && isCivilDate(value) ? formatDateIn(value, locale) : String(value);
	const n = num(value);
	if (n === null) return String(value);
	const f = formatsFor(locale);
	switch (type) {
		case 'int':
			return f.int.format(n);
		case 'money':
			return f.mxn.format(n / 100);
		case 'ratio':
			return `${Math.round(n * 100)} %`;
		case 'hours':
			return `${f.hours.format(n)} h`;
		case 'decimal':
			return f.hours.format(n);
	}
}

/** A value as the chart plots it: pesos instead of centavos, percent instead of 0..1. */
export function chartNumber(value: ReportValue, type: ReportColumnType): number | null {
	const n = num(value);
	if (n === null) return null;
	if (type === 'money') return n / 100;
	if (type === 'ratio') return Math.round(n * 1000) / 10;
	return n;
}

export function columnOf(section: ReportSection, key: string): ReportColumn | undefined {
	return section.columns.find((c) => c.key === key);
}

/** The words of a chart's text alternative, in the reader's language (Spanish by default). */
export interface SummaryWords {
	locale: string;
	max: (p: { label: string; value: string; at: string }) => string;
	rows: (count: number) => string;
}

const SPANISH_SUMMARY: SummaryWords = {
	locale: 'es-MX',
	max: ({ label, value, at }) => `${label}: máximo ${value} (${at})`,
	rows: (count) => (count === 1 ? '1 fila' : `${count} filas`)
};

/**
 * The chart's text alternative: the section's sentence, then each drawn series' highest point,
 * so a screen reader hears what the picture shows before reading the table.
 */
export function chartSummary(section: ReportSection, words: SummaryWords = SPANISH_SUMMARY): string {
	const chart = section.chart;
	if (!chart || section.rows.length === 0) return section.description;
	const x = columnOf(section, chart.x);
	const parts = chart.series.flatMap((key) => {
		const col = columnOf(section, key);
		if (!col) return [];
		let best: { value: number; at: ReportValue } | null = null;
		for (const row of section.rows) {
			const n = num(row[key]);
			if (n !== null && (best === null || n > best.value)) best = { value: n, at: row[chart.x] };
		}
		if (!best) return [];
		const at = x ? formatReportValue(best.at, x.type, words.locale) : String(best.at);
		return [words.max({ label: col.label, value: formatReportValue(best.value, col.type, words.locale), at })];
	});
	const rows = words.rows(section.rows.length);
	return [section.description, `${rows}.`, ...parts.map((p) => `${p}.`)].join(' ');
}
