/**
 * Reportes (issue 21): THE registry of the reports, in the order the page shows them, with the
 * slug of their JSON endpoint (/api/reportes/<slug>) and the date presets. Pure: the schema, the
 * report services, the API, the page and the downloads all read these.
 */

export const REPORT_KEYS = ['embudo', 'tiempos', 'flujo', 'productividad', 'agentes', 'fuentes', 'cancelaciones', 'sla', 'cobros'] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

export const REPORTS: Record<ReportKey, { es: string; en: string }> = {
	embudo: { es: 'Embudo de instalación', en: 'Installation funnel' },
	tiempos: { es: 'Tiempo de instalación y por etapa', en: 'Lead and cycle time' },
	flujo: { es: 'Flujo acumulado', en: 'Cumulative flow' },
	productividad: { es: 'Instalaciones activadas', en: 'Throughput' },
	agentes: { es: 'Asesores', en: 'Agents' },
	fuentes: { es: 'Fuentes («¿Cómo se enteró?»)', en: 'Sources' },
	cancelaciones: { es: 'Cancelaciones', en: 'Cancellations' },
	sla: { es: 'Tiempos objetivo (SLA)', en: 'SLA' },
	cobros: { es: 'Cobros', en: 'Money' }
};

/**
 * Columns whose values (or, for a reason's own column, whose heading) are the provider's own names:
 * zones, technicians, agents, «¿Cómo se enteró?» answers and cancellation reasons. They read the
 * same in both languages, and the page marks them as data.
 */
export const isProviderDataColumn = (key: string): boolean =>
	key === 'fuente' || key === 'motivo' || key === 'zona' || key === 'tecnico' || key === 'asesor' || key.startsWith('motivo_');

export const isReportKey = (v: unknown): v is ReportKey => typeof v === 'string' && (REPORT_KEYS as readonly string[]).includes(v);

export const DATE_PRESETS = ['semana', 'mes', '90_dias', 'personalizado'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];
export const DATE_PRESET_LABELS: Record<DatePreset, { es: string; en: string }> = {
	semana: { es: 'Esta semana', en: 'This week' },
	mes: { es: 'Este mes', en: 'This month' },
	'90_dias': { es: 'Últimos 90 días', en: 'Last 90 days' },
	personalizado: { es: 'Personalizado', en: 'Custom' }
};

/** Longest range a report may cover (two years and a bit, so «two years» ranges fit). */
export const MAX_REPORT_DAYS = 800;
