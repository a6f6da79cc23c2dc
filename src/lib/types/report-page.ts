/** What the «Reportes» page receives (issue 21): each report with its charts already drawn as SVG. */
import type { DatePreset } from '$lib/domain/reports';
import type { Report, ReportSection } from './reports';

export interface DrawnSection extends ReportSection {
	/** The chart as SVG text drawn on the server from our own numbers, or null when there is none. */
	svg: string | null;
	/** The chart's text alternative. */
	summary: string;
}

export interface DrawnReport extends Omit<Report, 'sections'> {
	sections: DrawnSection[];
}

export interface ReportOption {
	id: string;
	name: string;
}

export interface ReportsPage {
	/** The form as the URL has it (the preset, and the typed dates when «personalizado»). */
	form: { periodo: DatePreset; desde: string; hasta: string; zona: string; agente: string; tecnico: string };
	/** The query every download link carries: the resolved dates and the filters, so it covers what is shown. */
	downloadQuery: string;
	options: { zones: ReportOption[]; agents: ReportOption[]; technicians: ReportOption[] };
	reports: DrawnReport[];
	/** A Spanish sentence when the filters were refused (e.g. dates backwards); then no reports. */
	problem: string | null;
}
