/** Hand-made report sections for the chart and download specs: one of each chart kind and column type. */
import type { Report, ReportSection } from '$lib/types/reports';

export const funnelSection: ReportSection = {
	key: 'embudo',
	title: 'Embudo',
	description: 'Cuántas instalaciones llegaron a cada etapa.',
	chart: { kind: 'funnel', x: 'etapa', series: ['instalaciones'] },
	columns: [
		{ key: 'etapa', label: 'Etapa', type: 'text' },
		{ key: 'instalaciones', label: 'Instalaciones', type: 'int' },
		{ key: 'conversion', label: 'Conversión', type: 'ratio' }
	],
	rows: [
		{ etapa: 'Preinstalación', instalaciones: 120, conversion: 1 },
		{ etapa: 'Agendada', instalaciones: 54, conversion: 0.45 },
		{ etapa: 'Activa', instalaciones: 30, conversion: 0.25 }
	]
};

export const stackedAreaSection: ReportSection = {
	key: 'flujo',
	title: 'Flujo acumulado',
	description: 'Tarjetas en cada etapa, día por día.',
	chart: { kind: 'area', x: 'dia', series: ['agendada', 'activa'], stacked: true },
	columns: [
		{ key: 'dia', label: 'Día', type: 'date' },
		{ key: 'agendada', label: 'Agendada', type: 'int' },
		{ key: 'activa', label: 'Activa', type: 'int' }
	],
	rows: [
		{ dia: '2026-11-02', agendada: 4, activa: 1 },
		{ dia: '2026-11-03', agendada: 6, activa: 3 },
		{ dia: '2026-11-04', agendada: 5, activa: 7 }
	]
};

export const moneySection: ReportSection = {
	key: 'cobros',
	title: 'Cobros',
	description: 'Lo cobrado por semana.',
	chart: { kind: 'bar', x: 'semana', series: ['cobrado', 'pendiente'], stacked: true },
	columns: [
		{ key: 'semana', label: 'Semana', type: 'date' },
		{ key: 'cobrado', label: 'Cobrado', type: 'money' },
		{ key: 'pendiente', label: 'Pendiente', type: 'money' },
		{ key: 'tasa', label: 'Tasa de cobro', type: 'ratio' },
		{ key: 'horas', label: 'Horas promedio', type: 'hours' }
	],
	rows: [
		{ semana: '2026-11-02', cobrado: 123400, pendiente: 50000, tasa: 0.71, horas: 12.5 },
		{ semana: '2026-11-09', cobrado: 98050, pendiente: null, tasa: 1, horas: null }
	]
};

export const histogramSection: ReportSection = {
	key: 'tiempos',
	title: 'Tiempo de instalación',
	description: 'Cuántas instalaciones tardaron cada número de días.',
	chart: { kind: 'histogram', x: 'dias', series: ['instalaciones'] },
	columns: [
		{ key: 'dias', label: 'Días', type: 'text' },
		{ key: 'instalaciones', label: 'Instalaciones', type: 'int' }
	],
	rows: [
		{ dias: '0–2', instalaciones: 8 },
		{ dias: '3–5', instalaciones: 12 },
		{ dias: '6+', instalaciones: 3 }
	]
};

export const lineSection: ReportSection = {
	key: 'sla',
	title: 'SLA',
	description: 'Parte de las tarjetas dentro del tiempo objetivo.',
	chart: { kind: 'line', x: 'semana', series: ['dentro', 'fuera'] },
	columns: [
		{ key: 'semana', label: 'Semana', type: 'date' },
		{ key: 'dentro', label: 'Dentro del objetivo', type: 'ratio' },
		{ key: 'fuera', label: 'Fuera del objetivo', type: 'ratio' }
	],
	rows: [
		{ semana: '2026-11-02', dentro: 0.8, fuera: 0.2 },
		{ semana: '2026-11-09', dentro: 0.6, fuera: 0.4 }
	]
};

export const hostileSection: ReportSection = {
	key: 'fuentes',
	title: 'Fuentes <b>',
	description: 'Cómo se enteraron.',
	chart: { kind: 'bar', x: 'fuente', series: ['prospectos'], horizontal: true },
	columns: [
		{ key: 'fuente', label: 'Fuente', type: 'text' },
		{ key: 'prospectos', label: 'Prospectos <script>alert(1)</script>', type: 'int' }
	],
	rows: [
		{ fuente: '<script>alert("x")</script>', prospectos: 3 },
		{ fuente: '=HYPERLINK("http://x")', prospectos: 2 },
		{ fuente: 'Volante; puerta a puerta', prospectos: 1 }
	]
};

export const notedSection: ReportSection = {
	key: 'llamadas',
	title: 'Llamadas',
	description: 'Llamadas por asesor.',
	chart: null,
	columns: [{ key: 'asesor', label: 'Asesor', type: 'text' }],
	rows: [],
	note: 'Aún no hay llamadas registradas.'
};

export function reportOf(sections: ReportSection[]): Report {
	return {
		key: 'cobros',
		title: 'Cobros',
		filters: { desde: '2026-09-01', hasta: '2026-11-30', zona: null, agente: null, tecnico: null },
		generatedAt: '2026-12-01T12:00:00.000Z',
		sections
	};
}
