/**
 * How a report's numbers read (issue 21): one formatter for the page's tables, the charts' axes and
 * labels, and the charts' text alternatives, so the picture and the numbers under it agree. Pure.
 */
import type { ReportColumn, ReportColumnType, ReportSection, ReportValue } from '$lib/types/reports';
import { formatDateEs, isCivilDate } from './dates';

const INT = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });
const HOURS = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MXN = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What an empty cell reads as. */
export const EMPTY_CELL = '—';

const num = (v: ReportValue): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** «$1,234.00», «45 %», «1 sep 2026», «12.5 h», «1,234». */
export function formatReportValue(value: ReportValue, type: ReportColumnType): string {
	if (value === null || value === undefined || value === '') return EMPTY_CELL;
	if (type === 'text') return String(value);
	if (type === 'date') return typeof value === 'string' && isCivilDate(value) ? formatDateEs(value) : String(value);
	const n = num(value);
	if (n === null) return String(value);
	switch (type) {
		case 'int':
			return INT.format(n);
		case 'money':
			return MXN.format(n / 100);
		case 'ratio':
			return `${Math.round(n * 100)} %`;
		case 'hours':
			return `${HOURS.format(n)} h`;
		case 'decimal':
			return HOURS.format(n);
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

/**
 * The chart's text alternative: the section's sentence, then each drawn series' highest point,
 * so a screen reader hears what the picture shows before reading the table.
 */
export function chartSummary(section: ReportSection): string {
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
		const at = x ? formatReportValue(best.at, x.type) : String(best.at);
		return [`${col.label}: máximo ${formatReportValue(best.value, col.type)} (${at})`];
	});
	const rows = section.rows.length === 1 ? '1 fila' : `${section.rows.length} filas`;
	return [section.description, `${rows}.`, ...parts.map((p) => `${p}.`)].join(' ');
}
