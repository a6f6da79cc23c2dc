/** Embudo, fuentes y cancelaciones (issue 21): where leads are lost, where they come from, why they leave. */
import { OPEN_STAGES } from '$lib/domain/stage-registry';
import * as funnelDb from '../../db/reports-funnel';
import { NONE, col, ratio, section, stageLabel, type SectionBuilder } from './shared';

export const embudo: SectionBuilder = async ({ db, scope }) => {
	const steps = await funnelDb.funnelSteps(db, scope);
	const first = steps[0]?.cards ?? 0;
	const stepRows = OPEN_STAGES.map((stage, i) => {
		const cards = steps.find((r) => r.step === i + 1)?.cards ?? 0;
		const before = i === 0 ? cards : (steps.find((r) => r.step === i)?.cards ?? 0);
		return { etapa: stageLabel(stage), tarjetas: cards, conversion_paso: ratio(cards, before), conversion_total: ratio(cards, first) };
	});
	const losses = await funnelDb.funnelLosses(db, scope);
	const reasons = [...new Map(losses.map((l) => [l.reason, l.reasonLabel])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'es'));
	const lossRows = OPEN_STAGES.map((stage) => {
		const here = losses.filter((l) => l.fromStage === stage);
		const row: Record<string, string | number> = { etapa: stageLabel(stage) };
		for (const [reason] of reasons) row[`motivo_${reason}`] = here.find((l) => l.reason === reason)?.cards ?? 0;
		row.total = here.reduce((sum, l) => sum + l.cards, 0);
		return row;
	});
	return [
		section(
			'pasos',
			'Embudo de instalación',
			'Tarjetas que entraron en el periodo y cuántas llegaron a cada etapa (o más allá), con la conversión desde la etapa anterior y desde la entrada.',
			[
				col('etapa', 'Etapa', 'text'),
				col('tarjetas', 'Tarjetas', 'int'),
				col('conversion_paso', 'Conversión desde la etapa anterior', 'ratio'),
				col('conversion_total', 'Conversión desde la entrada', 'ratio')
			],
			stepRows,
			{ kind: 'funnel', x: 'etapa', series: ['tarjetas'] }
		),
		section(
			'perdidas',
			'Pérdidas entre etapas',
			'De las tarjetas que entraron en el periodo, las canceladas (sin reabrir) según la etapa en la que estaban y el motivo.',
			[
				col('etapa', 'Etapa', 'text'),
				...reasons.map(([reason, label]) => col(`motivo_${reason}`, label, 'int')),
				col('total', 'Total', 'int')
			],
			lossRows,
			{ kind: 'bar', x: 'etapa', series: reasons.map(([reason]) => `motivo_${reason}`), stacked: true, horizontal: true }
		)
	];
};

export const fuentes: SectionBuilder = async ({ db, scope }) => {
	const rows = await funnelDb.sources(db, scope);
	return [
		section(
			'fuentes',
			'Leads y clientes por fuente',
			'Tarjetas que entraron en el periodo según «¿Cómo se enteró?», cuántas llegaron a activa (clientes), cuántas están canceladas y la conversión.',
			[
				col('fuente', 'Cómo se enteró', 'text'),
				col('leads', 'Leads', 'int'),
				col('clientes', 'Clientes', 'int'),
				col('canceladas', 'Canceladas', 'int'),
				col('conversion', 'Conversión', 'ratio')
			],
			rows.map((r) => ({
				fuente: r.source ?? NONE.fuente,
				leads: r.leads,
				clientes: r.customers,
				canceladas: r.cancelled,
				conversion: ratio(r.customers, r.leads)
			})),
			{ kind: 'bar', x: 'fuente', series: ['leads', 'clientes'], horizontal: true }
		)
	];
};

export const cancelaciones: SectionBuilder = async ({ db, scope }) => {
	const [byReason, byStage] = await Promise.all([funnelDb.cancellationsByReason(db, scope), funnelDb.cancellationsByStage(db, scope)]);
	const total = byReason.reduce((sum, r) => sum + r.cancellations, 0);
	return [
		section(
			'motivos',
			'Cancelaciones por motivo',
			'Cancelaciones hechas en el periodo por motivo, su parte del total y cuántas se reabrieron después.',
			[
				col('motivo', 'Motivo', 'text'),
				col('cancelaciones', 'Cancelaciones', 'int'),
				col('porcentaje', 'Del total', 'ratio'),
				col('reabiertas', 'Reabiertas', 'int')
			],
			byReason.map((r) => ({
				motivo: r.reasonLabel,
				cancelaciones: r.cancellations,
				porcentaje: ratio(r.cancellations, total),
				reabiertas: r.reopened
			})),
			{ kind: 'bar', x: 'motivo', series: ['cancelaciones'], horizontal: true }
		),
		section(
			'etapas',
			'Cancelaciones por etapa',
			'Cancelaciones hechas en el periodo según la etapa en la que estaba la tarjeta.',
			[col('etapa', 'Etapa', 'text'), col('cancelaciones', 'Cancelaciones', 'int'), col('porcentaje', 'Del total', 'ratio')],
			OPEN_STAGES.map((stage) => {
				const n = byStage.find((r) => r.fromStage === stage)?.cancellations ?? 0;
				return { etapa: stageLabel(stage), cancelaciones: n, porcentaje: ratio(n, total) };
			}),
			{ kind: 'bar', x: 'etapa', series: ['cancelaciones'] }
		)
	];
};
