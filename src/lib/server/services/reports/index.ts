/**
 * Reportes (issue 21): the one entry point. Admins and coordinators ask for a report by its key
 * (domain/reports.ts) with the filters of schemas/reports.ts; each report is computed in SQL
 * (db/reports-*.ts) over the organisation's cards, stage history and events, and returned in the
 * shared Report shape (types/reports.ts) the JSON API, the page, the charts and the downloads read.
 */
import type { Database } from '../../db';
import type { SessionUser } from '../../auth';
import { REPORTS, type ReportKey } from '$lib/domain/reports';
import { todayIn } from '$lib/domain/dates';
import { reportFilterSchema, resolveReportFilters } from '$lib/schemas/reports';
import type { Report } from '$lib/types/reports';
import { parseInput } from '../../validation';
import { forbidden, ServiceError } from '../errors';
import { orgSettings } from '../board';
import { cancelaciones, embudo, fuentes } from './flow';
import { flujo, sla, tiempos } from './times';
import { agentes, cobros, productividad } from './work';
import type { SectionBuilder } from './shared';
import { withoutJit } from '../../db/reports-common';

const BUILDERS: Record<ReportKey, SectionBuilder> = { embudo, tiempos, flujo, productividad, agentes, fuentes, cancelaciones, sla, cobros };

export const REPORT_ROLES = ['admin', 'coordinator'] as const;
export const REPORTS_FORBIDDEN = 'Solo administración y coordinación pueden ver los reportes.';

export const mayReadReports = (actor: Pick<SessionUser, 'role'>): boolean => (REPORT_ROLES as readonly string[]).includes(actor.role);

export async function runReport(db: Database, actor: SessionUser, key: ReportKey, rawFilters: unknown): Promise<Report> {
	if (!mayReadReports(actor)) throw forbidden(REPORTS_FORBIDDEN);
	const builder = BUILDERS[key];
	if (!builder) throw new ServiceError(404, 'Ese reporte no existe.');
	const input = parseInput(reportFilterSchema, rawFilters ?? {});
	const resolved = resolveReportFilters(input, todayIn(actor.timeZone));
	if (!resolved.ok) throw new ServiceError(400, resolved.message, { desde: [resolved.message] });
	const filters = resolved.filters;
	const settings = await orgSettings(db, actor.orgId);
	const scope = { orgId: actor.orgId, timeZone: actor.timeZone, filters };
	const sections = await withoutJit(db, (exec) => builder({ db: exec, scope, settings }));
	return { key, title: REPORTS[key].es, filters, generatedAt: new Date().toISOString(), sections };
}
