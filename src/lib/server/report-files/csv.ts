/**
 * A report as CSV (issue 21): each section's table, exactly the rows and columns the page shows,
 * one after another under the section's title. Numbers are written so a spreadsheet reads them as
 * numbers (pesos with two decimals, percent as «45.0%», ISO dates); quoting and formula
 * neutralising are the shared ones in $lib/domain/exports.
 */
import type { Report, ReportColumn, ReportValue } from '$lib/types/reports';
import { csvWithBom, toCsv } from '$lib/domain/exports';

function csvValue(value: ReportValue, col: ReportColumn): string | number | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'number') return value;
	if (col.type === 'money') return (value / 100).toFixed(2);
	if (col.type === 'ratio') return `${(value * 100).toFixed(1)}%`;
	if (col.type === 'hours' || col.type === 'decimal') return value.toFixed(1);
	return value;
}

const heading = (col: ReportColumn) => (col.type === 'money' ? `${col.label} (MXN)` : col.label);

export function reportCsvText(report: Report): string {
	const single = report.sections.length === 1;
	return report.sections
		.map((section) => {
			const rows = section.rows.map((r) => Object.fromEntries(section.columns.map((c) => [c.key, csvValue(r[c.key], c)])));
			const table = toCsv(
				rows,
				section.columns.map((c) => ({ key: c.key, label: heading(c) }))
			);
			const title = single ? '' : toCsv([], [{ key: 't', label: section.title }]);
			const note = section.note ? toCsv([], [{ key: 'n', label: section.note }]) : '';
			return title + table + note;
		})
		.join('\r\n');
}

/** UTF-8 with BOM, so Excel opens accents right. */
export function reportCsv(report: Report): Uint8Array {
	return csvWithBom(reportCsvText(report));
}
