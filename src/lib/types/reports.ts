/**
 * The shape every report has (issue 21), shared by the report services, the JSON API
 * (/api/reportes/<slug>, documented in docs/api.md), the page's charts and tables, and the CSV and
 * Excel downloads: a report is a list of sections; each section is a table (the numbers under the
 * chart, and exactly what a download holds) plus how to draw it.
 */
import type { ReportKey } from '$lib/domain/reports';

/** How a column's values read and how Excel stores them: dates as dates, money and counts as numbers. */
export type ReportColumnType =
	| 'text'
	/** YYYY-MM-DD (a day or a week's Monday), the organisation's time zone. */
	| 'date'
	| 'int'
	/** Centavos (integer); shown and exported as pesos. */
	| 'money'
	/** 0..1; shown as «45 %». */
	| 'ratio'
	/** Hours (decimal, one place). */
	| 'hours'
	/** A plain decimal number (one place), e.g. installations per day. */
	| 'decimal';

export interface ReportColumn {
	key: string;
	/** Spanish heading (the page translates known keys). */
	label: string;
	type: ReportColumnType;
}

export type ReportValue = string | number | null;
export type ReportRow = Record<string, ReportValue>;

/**
 * How a section is drawn. `x` is the column along the axis (categories or dates); `series` are the
 * numeric columns drawn (one bar/line/band each); `stacked` stacks them.
 */
export interface ReportChart {
	kind: 'funnel' | 'bar' | 'line' | 'area' | 'histogram';
	x: string;
	series: string[];
	stacked?: boolean;
	/** Horizontal bars (long category names). */
	horizontal?: boolean;
}

export interface ReportSection {
	key: string;
	title: string;
	/** One sentence saying what the numbers show, also the chart's text alternative base. */
	description: string;
	chart: ReportChart | null;
	columns: ReportColumn[];
	rows: ReportRow[];
	/** Set when the data this section needs does not exist yet (e.g. no call records): shown instead of an empty chart. */
	note?: string;
}

/** The filters every report takes (query parameters `desde`, `hasta`, `zona`, `agente`, `tecnico`). */
export interface ReportFilters {
	desde: string;
	hasta: string;
	zona: string | null;
	agente: string | null;
	tecnico: string | null;
}

export interface Report {
	key: ReportKey;
	title: string;
	filters: ReportFilters;
	/** When it was computed (ISO timestamp). */
	generatedAt: string;
	sections: ReportSection[];
}
