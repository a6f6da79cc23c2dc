/** Tiempos, flujo acumulado y SLA (issue 21): how long cards take and where they wait. */
import { OPEN_STAGES, STAGES } from '$lib/domain/stage-registry';
import * as timesDb from '../../db/reports-times';
import { col, ratio, section, stageLabel, type SectionBuilder } from './shared';

/** Lead-time buckets: lower bound in hours and label. */
export const LEAD_TIME_BUCKETS = [
	{ from: 0, label: 'Menos de 1 día' },
	{ from: 24, label: '1 a 3 días' },
	{ from: 72, label: '3 a 7 días' },
	{ from: 168, label: '1 a 2 semanas' },
	{ from: 336, label: '2 a 4 semanas' },
	{ from: 672, label: '4 semanas o más' }
] as const;

/** The stages a card waits in (the flow before activa). */
const WAITING = OPEN_STAGES.filter((s) => s !== 'activa');

export const tiempos: SectionBuilder = async ({ db, scope }) => {
	const [{ summary, buckets, weeks }, stays] = await Promise.all([
		timesDb.leadTimes(
			db,
			scope,
			LEAD_TIME_BUCKETS.map((b) => b.from)
		),
		timesDb.stageStays(db, scope)
	]);
	const hoursCols = [col('p50', 'Mediana (horas)', 'hours'), col('p90', 'Percentil 90 (horas)', 'hours')];
	return [
		section(
			'resumen',
			'Tiempo de instalación',
			'Horas desde que la tarjeta entró a preinstalación hasta que quedó activa, para las activadas en el periodo.',
			[col('activadas', 'Activadas', 'int'), ...hoursCols, col('promedio', 'Promedio (horas)', 'hours')],
			[{ activadas: summary.cards, p50: summary.p50, p90: summary.p90, promedio: summary.avg }],
			null
		),
		section(
			'distribucion',
			'Distribución del tiempo de instalación',
			'Cuántas de las activadas en el periodo tardaron cada rango de tiempo desde su entrada.',
			[col('rango', 'Tiempo', 'text'), col('tarjetas', 'Tarjetas', 'int')],
			LEAD_TIME_BUCKETS.map((b, i) => ({ rango: b.label, tarjetas: buckets.find((r) => r.bucket === i + 1)?.cards ?? 0 })),
			{ kind: 'histogram', x: 'rango', series: ['tarjetas'] }
		),
		section(
			'etapas',
			'Tiempo en cada etapa',
			'Estancias en cada etapa que terminaron en el periodo: cuántas y cuánto duraron; la etapa con la mediana más alta es la que más retiene las tarjetas.',
			[col('etapa', 'Etapa', 'text'), col('estancias', 'Estancias', 'int'), ...hoursCols, col('promedio', 'Promedio (horas)', 'hours')],
			WAITING.map((stage) => {
				const r = stays.find((x) => x.stage === stage);
				return { etapa: stageLabel(stage), estancias: r?.stays ?? 0, p50: r?.p50 ?? null, p90: r?.p90 ?? null, promedio: r?.avg ?? null };
			}),
			{ kind: 'bar', x: 'etapa', series: ['p50', 'p90'], horizontal: true }
		),
		section(
			'semanas',
			'Tiempo de instalación por semana',
			'Por semana de activación (lunes): cuántas se activaron y su tiempo desde la entrada.',
			[col('semana', 'Semana', 'date'), col('activadas', 'Activadas', 'int'), ...hoursCols],
			weeks.map((w) => ({ semana: w.week, activadas: w.cards, p50: w.p50, p90: w.p90 })),
			{ kind: 'line', x: 'semana', series: ['p50', 'p90'] }
		)
	];
};

export const flujo: SectionBuilder = async ({ db, scope }) => {
	const cells = await timesDb.cumulativeFlow(db, scope, STAGES);
	const days = new Map<string, Record<string, string | number>>();
	for (const c of cells) {
		const row = days.get(c.day) ?? { dia: c.day };
		row[c.stage] = c.cards;
		days.set(c.day, row);
	}
	return [
		section(
			'flujo',
			'Flujo acumulado',
			'Tarjetas en cada etapa al final de cada día del periodo.',
			[col('dia', 'Día', 'date'), ...STAGES.map((stage) => col(stage, stageLabel(stage), 'int'))],
			[...days.values()],
			{ kind: 'area', x: 'dia', series: [...STAGES], stacked: true }
		)
	];
};

export const sla: SectionBuilder = async ({ db, scope, settings }) => {
	const hours = Object.fromEntries(WAITING.map((stage) => [stage, settings.sla[stage]]));
	const [now, period] = await Promise.all([timesDb.slaNow(db, scope, hours), timesDb.slaPeriod(db, scope, hours)]);
	return [
		section(
			'ahora',
			'Fuera de tiempo ahora',
			'Tarjetas abiertas hoy en cada etapa, las que pasaron el aviso y las que pasaron el límite de su etapa.',
			[
				col('etapa', 'Etapa', 'text'),
				col('abiertas', 'Abiertas', 'int'),
				col('en_riesgo', 'Por vencer', 'int'),
				col('vencidas', 'Vencidas', 'int'),
				col('limite', 'Límite (horas)', 'hours')
			],
			WAITING.map((stage) => {
				const r = now.find((x) => x.stage === stage);
				return {
					etapa: stageLabel(stage),
					abiertas: r?.open ?? 0,
					en_riesgo: r?.warn ?? 0,
					vencidas: r?.late ?? 0,
					limite: hours[stage].lateHours
				};
			}),
			{ kind: 'bar', x: 'etapa', series: ['en_riesgo', 'vencidas'], stacked: true }
		),
		section(
			'periodo',
			'Fuera de tiempo en el periodo',
			'Estancias que empezaron en el periodo en cada etapa y cuántas pasaron (o llevan más de) el límite de su etapa.',
			[
				col('etapa', 'Etapa', 'text'),
				col('estancias', 'Estancias', 'int'),
				col('vencidas', 'Vencidas', 'int'),
				col('porcentaje', 'Vencidas (%)', 'ratio')
			],
			WAITING.map((stage) => {
				const r = period.find((x) => x.stage === stage);
				return {
					etapa: stageLabel(stage),
					estancias: r?.stays ?? 0,
					vencidas: r?.late ?? 0,
					porcentaje: ratio(r?.late ?? 0, r?.stays ?? 0)
				};
			}),
			{ kind: 'bar', x: 'etapa', series: ['vencidas'] }
		)
	];
};
