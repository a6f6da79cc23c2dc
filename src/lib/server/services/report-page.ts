/**
 * The «Reportes» page (issue 21): every report in registry order, for the filters in the URL, with
 * its charts drawn on the server. The date preset is resolved here once, so the page, its shared
 * link and its downloads cover the same days.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as filterOptions from '../db/filter-options';
import * as reportOptions from '../db/report-options';
import { REPORT_KEYS } from '$lib/domain/reports';
import { resolveRange } from '$lib/domain/report-range';
import { chartSummary, type SummaryWords } from '$lib/domain/report-format';
import { m } from '$lib/paraglide/messages.js';
import { INTL_LOCALE, type AppLocale } from '$lib/i18n/locale';
import { currentLocale } from '$lib/i18n/translate';
import { todayIn } from '$lib/domain/dates';
import type { DrawnReport, ReportsPage } from '$lib/types/report-page';
import type { Report } from '$lib/types/reports';
import { renderSectionChart } from '../charts/render';
import { ServiceError, forbidden } from './errors';
import { inReadersLanguage } from '../errors';
import { REPORTS_FORBIDDEN, mayReadReports, runReport } from './reports';
import { localizeReport } from './reports/localize';

const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 64) : '');

/** The report in `locale` with its charts and their text alternatives in the same words. */
export function drawReport(report: Report, locale: AppLocale = 'es'): DrawnReport {
	const shown = localizeReport(report, locale);
	const words: SummaryWords = {
		locale: INTL_LOCALE[locale],
		max: (p) => m.reports_summary_max(p, { locale }),
		rows: (count) => (count === 1 ? m.reports_summary_rows_one({}, { locale }) : m.reports_summary_rows({ count }, { locale }))
	};
	return { ...shown, sections: shown.sections.map((s) => ({ ...s, svg: renderSectionChart(s), summary: chartSummary(s, words) })) };
}

export async function reportsPage(db: Database, actor: SessionUser, query: Record<string, unknown>): Promise<ReportsPage> {
	if (!mayReadReports(actor)) throw forbidden(REPORTS_FORBIDDEN);
	const range = resolveRange({ periodo: text(query.periodo), desde: text(query.desde), hasta: text(query.hasta) }, todayIn(actor.timeZone));
	const form = {
		periodo: range.preset,
		desde: range.desde,
		hasta: range.hasta,
		zona: text(query.zona),
		agente: text(query.agente),
		tecnico: text(query.tecnico)
	};
	const filters = { desde: form.desde, hasta: form.hasta, zona: form.zona, agente: form.agente, tecnico: form.tecnico };
	const lists = await filterOptions.list(db, actor.orgId, true);
	const options = { zones: lists.zones, technicians: lists.technicians, agents: await reportOptions.agents(db, actor.orgId) };
	const downloadQuery = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
	const reports: DrawnReport[] = [];
	const locale = currentLocale();
	try {
		for (const key of REPORT_KEYS) reports.push(drawReport(await runReport(db, actor, key, filters), locale));
	} catch (err) {
		// Filters the reports refuse (dates backwards, an unknown zone) are a message on the page, not an error page.
		if (err instanceof ServiceError && err.status === 400)
			return { form, downloadQuery, options, reports: [], problem: inReadersLanguage(err).message };
		throw err;
	}
	return { form, downloadQuery, options, reports, problem: null };
}
