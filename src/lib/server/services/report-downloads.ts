/**
 * A report's CSV or Excel download (issue 21): exactly the tables the page shows for the same query,
 * recorded in the audit log like every other export.
 */
import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { REPORTS, isReportKey } from '$lib/domain/reports';
import { reportCsv } from '../report-files/csv';
import { reportXlsx } from '../report-files/xlsx';
import { parseInput } from '../validation';
import { forbidden, notFound } from './errors';
import { recordAudit } from './audit';
import type { Download } from './exports';
import { REPORTS_FORBIDDEN, mayReadReports, runReport } from './reports';
import { localizeReport } from './reports/localize';
import { currentLocale } from '$lib/i18n/translate';

const formatSchema = z.enum(['csv', 'xlsx'], { error: 'Elige el formato de descarga: csv o xlsx.' });

const CONTENT_TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

export async function reportDownload(db: Database, actor: SessionUser, rawKey: unknown, query: Record<string, unknown>): Promise<Download> {
	if (!mayReadReports(actor)) throw forbidden(REPORTS_FORBIDDEN);
	if (!isReportKey(rawKey)) throw notFound('Ese reporte no existe.');
	const { formato: rawFormat, ...filters } = query;
	const formato = parseInput(formatSchema, rawFormat ?? 'csv');
	// The download reads like the page: in the reader's language (the JSON API keeps the Spanish).
	const report = localizeReport(await runReport(db, actor, rawKey, filters), currentLocale());
	const body = formato === 'csv' ? reportCsv(report) : await reportXlsx(report);
	const { desde, hasta } = report.filters;
	await recordAudit(db, actor, {
		kind: 'report_exported',
		target: REPORTS[rawKey].es,
		details: { formato, desde, hasta, rows: report.sections.reduce((n, s) => n + s.rows.length, 0) }
	});
	return { filename: `reporte-${rawKey}-${desde}_${hasta}.${formato}`, contentType: CONTENT_TYPES[formato], body };
}
