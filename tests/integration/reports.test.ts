/**
 * Reports (issue 21): every number of every report over October 2026 on the hand-built data set
 * (support/report-fixtures.ts), on both drivers. The expected values were worked out by hand from
 * the fixture's histories (and the stays/flow/SLA ones checked with an independent script).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { loadReportData } from './support/report-fixtures';
import { runReport } from '$lib/server/services/reports';
import { OPEN_STAGES, STAGES } from '$lib/domain/stage-registry';
import type { ReportKey } from '$lib/domain/reports';
import type { Report } from '$lib/types/reports';

const OCTOBER = { desde: '2026-10-01', hasta: '2026-10-31' };

describe.each(drivers)('reportes sobre un conjunto armado a mano en %s', (driver) => {
	let t: TestDatabase;
	let data: Awaited<ReturnType<typeof loadReportData>>;
	const reports = new Map<ReportKey, Report>();
	beforeAll(async () => {
		t = await freshDatabase(driver);
		data = await loadReportData(t.db);
		// Another provider's card in October must never count.
		const other = await loadReportData(t.db);
		expect(other.org.org.id).not.toBe(data.org.org.id);
	}, 120_000);
	afterAll(() => t.cleanup());

	const report = async (key: ReportKey) => {
		if (!reports.has(key)) reports.set(key, await runReport(t.db, data.org.coordinator, key, OCTOBER));
		return reports.get(key)!;
	};
	const rows = async (key: ReportKey, section: string) => {
		const found = (await report(key)).sections.find((s) => s.key === section);
		expect(found, `${key}.${section}`).toBeDefined();
		return found!.rows;
	};

	it('embudo: cuántas de las 11 que entraron en octubre llegaron a cada etapa, y las pérdidas por motivo', async () => {
		const r = await report('embudo');
		expect(r).toMatchObject({
			key: 'embudo',
			title: 'Embudo de instalación',
			filters: { ...OCTOBER, zona: null, agente: null, tecnico: null }
		});
		expect(r.sections[0].chart).toEqual({ kind: 'funnel', x: 'etapa', series: ['tarjetas'] });
		expect(await rows('embudo', 'pasos')).toEqual([
			{ etapa: 'Preinstalación', tarjetas: 11, conversion_paso: 1, conversion_total: 1 },
			{ etapa: 'Cobertura confirmada', tarjetas: 8, conversion_paso: 0.7273, conversion_total: 0.7273 },
			{ etapa: 'Documentos pendientes', tarjetas: 6, conversion_paso: 0.75, conversion_total: 0.5455 },
			{ etapa: 'Agendada', tarjetas: 5, conversion_paso: 0.8333, conversion_total: 0.4545 },
			{ etapa: 'Asignada', tarjetas: 4, conversion_paso: 0.8, conversion_total: 0.3636 },
			{ etapa: 'Firmada', tarjetas: 3, conversion_paso: 0.75, conversion_total: 0.2727 },
			{ etapa: 'Activa', tarjetas: 3, conversion_paso: 1, conversion_total: 0.2727 }
		]);
		const losses = r.sections.find((s) => s.key === 'perdidas')!;
		expect(losses.columns.map((c) => c.label)).toEqual(['Etapa', 'Declinó', 'No localizable', 'Sin cobertura', 'Total']);
		const zero = { motivo_declino: 0, motivo_no_localizable: 0, motivo_sin_cobertura: 0, total: 0 };
		// C9's cancellation was reopened: not a loss.
		expect(losses.rows).toEqual([
			{ etapa: 'Preinstalación', motivo_declino: 0, motivo_no_localizable: 1, motivo_sin_cobertura: 1, total: 2 },
			{ etapa: 'Cobertura confirmada', motivo_declino: 1, motivo_no_localizable: 0, motivo_sin_cobertura: 0, total: 1 },
			...['Documentos pendientes', 'Agendada', 'Asignada', 'Firmada', 'Activa'].map((etapa) => ({ etapa, ...zero }))
		]);
	});

	it('tiempos: de preinstalación a activa (p50, p90, distribución, por semana) y el tiempo en cada etapa', async () => {
		// Activated in October: C1 150 h, C2 146 h, C3 196 h, C4 560 h (entered in September).
		expect(await rows('tiempos', 'resumen')).toEqual([{ activadas: 4, p50: 173, p90: 450.8, promedio: 263 }]);
		expect(await rows('tiempos', 'distribucion')).toEqual([
			{ rango: 'Menos de 1 día', tarjetas: 0 },
			{ rango: '1 a 3 días', tarjetas: 0 },
			{ rango: '3 a 7 días', tarjetas: 2 },
			{ rango: '1 a 2 semanas', tarjetas: 1 },
			{ rango: '2 a 4 semanas', tarjetas: 1 },
			{ rango: '4 semanas o más', tarjetas: 0 }
		]);
		expect(await rows('tiempos', 'etapas')).toEqual([
			{ etapa: 'Preinstalación', estancias: 10, p50: 24, p90: 24, promedio: 22.2 },
			{ etapa: 'Cobertura confirmada', estancias: 7, p50: 24, p90: 24, promedio: 23.1 },
			{ etapa: 'Documentos pendientes', estancias: 6, p50: 48, p90: 84, promedio: 60 },
			{ etapa: 'Agendada', estancias: 6, p50: 24, p90: 36, promedio: 28 },
			{ etapa: 'Asignada', estancias: 4, p50: 24, p90: 192, promedio: 84 },
			{ etapa: 'Firmada', estancias: 4, p50: 5, p90: 7.4, promedio: 5 }
		]);
		expect(await rows('tiempos', 'semanas')).toEqual([
			{ semana: '2026-10-05', activadas: 2, p50: 148, p90: 149.6 },
			{ semana: '2026-10-12', activadas: 2, p50: 378, p90: 523.6 }
		]);
	});

	it('flujo: tarjetas en cada etapa al final de cada día de octubre', async () => {
		const section = (await report('flujo')).sections[0];
		expect(section.columns.map((c) => c.key)).toEqual(['dia', ...STAGES]);
		// preinstalación, cobertura, documentos, agendada, asignada, firmada, activa, cancelada — Oct 1 … 31.
		const expected = [
			[1, 0, 0, 1, 0, 0, 0, 0], [1, 1, 0, 0, 1, 0, 0, 0], [0, 1, 1, 0, 1, 0, 0, 0], [0, 0, 2, 0, 1, 0, 0, 0],
			[0, 1, 1, 1, 1, 0, 0, 0], [0, 0, 1, 1, 2, 0, 0, 0], [0, 0, 1, 0, 2, 0, 1, 0], [1, 0, 1, 0, 1, 0, 2, 0],
			[0, 1, 1, 0, 1, 0, 2, 0], [1, 0, 1, 1, 1, 0, 2, 0], [0, 1, 1, 1, 1, 0, 2, 0], [1, 0, 1, 1, 2, 0, 2, 0],
			[0, 0, 1, 0, 1, 0, 4, 1], [1, 0, 1, 0, 1, 0, 4, 1], [1, 1, 1, 0, 1, 0, 4, 1], [0, 1, 1, 0, 1, 0, 4, 2],
			[0, 0, 2, 0, 1, 0, 4, 2], [0, 0, 2, 0, 1, 0, 4, 2], [0, 0, 1, 1, 1, 0, 4, 2], [1, 0, 1, 0, 1, 0, 4, 3],
			[1, 0, 1, 0, 1, 0, 4, 3], [2, 0, 1, 1, 1, 0, 4, 2], [1, 1, 1, 1, 1, 0, 4, 2], [1, 1, 1, 1, 1, 0, 4, 2],
			[2, 1, 1, 1, 1, 0, 4, 2], [1, 1, 1, 1, 1, 0, 4, 3], [1, 1, 1, 1, 1, 0, 4, 3], [1, 1, 1, 1, 1, 0, 4, 3],
			[1, 1, 1, 1, 1, 0, 4, 3], [1, 1, 1, 1, 1, 0, 4, 3], [1, 1, 1, 1, 1, 0, 4, 3]
		]; // prettier-ignore
		expect(section.rows).toEqual(
			expected.map((counts, i) => ({
				dia: `2026-10-${String(i + 1).padStart(2, '0')}`,
				...Object.fromEntries(STAGES.map((s, j) => [s, counts[j]]))
			}))
		);
	});

	it('productividad: activadas por semana, zona y técnico, con su tiempo en sitio', async () => {
		expect(await rows('productividad', 'semanas')).toEqual([
			{ semana: '2026-10-05', activadas: 2 },
			{ semana: '2026-10-12', activadas: 2 }
		]);
		expect(await rows('productividad', 'zonas')).toEqual([
			{ zona: 'RB1 NORTE', activadas: 2 },
			{ zona: 'RB2 SUR', activadas: 2 }
		]);
		const techs = (await report('productividad')).sections.find((s) => s.key === 'tecnicos')!;
		// On site: Tina's C4 2 h 15 min (C3 has no arrival); Tomás's C1 2.5 h and C2 1 h (C5, on site
		// 5 h, is not activated in October).
		expect(techs.rows).toEqual([
			{ tecnico: 'Tina Técnica', activadas: 2, dias: 1, por_dia: 2, en_sitio: 2.3 },
			{ tecnico: 'Tomás Técnico', activadas: 2, dias: 2, por_dia: 1, en_sitio: 1.8 }
		]);
		expect(techs.note).toMatch(/Llegué/);
	});

	it('agentes: llamadas, tasa de contacto, leads convertidos y horas a la primera llamada por asesor', async () => {
		const section = (await report('agentes')).sections[0];
		expect(section.note).toBeUndefined();
		expect(section.rows).toEqual([
			{
				asesor: 'Alma Agente',
				llamadas: 6,
				contactadas: 4,
				tasa_contacto: 0.6667,
				leads: 6,
				convertidos: 4,
				activados: 2,
				conversion: 0.6667,
				primera_llamada: 1.5
			},
			{
				asesor: 'Beto Asesor',
				llamadas: 4,
				contactadas: 1,
				tasa_contacto: 0.25,
				leads: 4,
				convertidos: 2,
				activados: 1,
				conversion: 0.5,
				primera_llamada: 4
			}
		]);
	});

	it('agentes: sin llamadas en el periodo la sección lo dice', async () => {
		const r = await runReport(t.db, data.org.admin, 'agentes', { desde: '2026-11-01', hasta: '2026-11-30' });
		expect(r.sections[0].note).toMatch(/no hay llamadas registradas/);
		// C13 entered in November: Alma's lead, not called.
		expect(r.sections[0].rows).toEqual([
			{
				asesor: 'Alma Agente',
				llamadas: 0,
				contactadas: 0,
				tasa_contacto: null,
				leads: 1,
				convertidos: 0,
				activados: 0,
				conversion: 0,
				primera_llamada: null
			},
			{
				asesor: 'Beto Asesor',
				llamadas: 0,
				contactadas: 0,
				tasa_contacto: null,
				leads: 0,
				convertidos: 0,
				activados: 0,
				conversion: null,
				primera_llamada: null
			}
		]);
	});

	it('fuentes: leads, clientes, canceladas y conversión por «¿Cómo se enteró?»', async () => {
		expect(await rows('fuentes', 'fuentes')).toEqual([
			{ fuente: 'Facebook', leads: 6, clientes: 2, canceladas: 2, conversion: 0.3333 },
			{ fuente: 'Volante', leads: 4, clientes: 1, canceladas: 1, conversion: 0.25 },
			{ fuente: 'Recomendación', leads: 1, clientes: 0, canceladas: 0, conversion: 0 }
		]);
	});

	it('cancelaciones: por motivo (con las reabiertas) y por la etapa en que ocurrieron', async () => {
		expect(await rows('cancelaciones', 'motivos')).toEqual([
			{ motivo: 'Declinó', cancelaciones: 2, porcentaje: 0.5, reabiertas: 1 },
			{ motivo: 'No localizable', cancelaciones: 1, porcentaje: 0.25, reabiertas: 0 },
			{ motivo: 'Sin cobertura', cancelaciones: 1, porcentaje: 0.25, reabiertas: 0 }
		]);
		const byStage = [2, 1, 0, 1, 0, 0, 0];
		expect(await rows('cancelaciones', 'etapas')).toEqual(
			OPEN_STAGES.map((_, i) => ({
				etapa: ['Preinstalación', 'Cobertura confirmada', 'Documentos pendientes', 'Agendada', 'Asignada', 'Firmada', 'Activa'][i],
				cancelaciones: byStage[i],
				porcentaje: byStage[i] / 4
			}))
		);
	});

	it('sla: fuera de tiempo ahora y en el periodo, por etapa', async () => {
		expect(await rows('sla', 'ahora')).toEqual([
			{ etapa: 'Preinstalación', abiertas: 3, en_riesgo: 1, vencidas: 2, limite: 48 },
			{ etapa: 'Cobertura confirmada', abiertas: 1, en_riesgo: 0, vencidas: 1, limite: 72 },
			{ etapa: 'Documentos pendientes', abiertas: 1, en_riesgo: 0, vencidas: 1, limite: 120 },
			{ etapa: 'Agendada', abiertas: 1, en_riesgo: 0, vencidas: 1, limite: 168 },
			{ etapa: 'Asignada', abiertas: 1, en_riesgo: 0, vencidas: 1, limite: 72 },
			{ etapa: 'Firmada', abiertas: 0, en_riesgo: 0, vencidas: 0, limite: 48 }
		]);
		expect(await rows('sla', 'periodo')).toEqual([
			{ etapa: 'Preinstalación', estancias: 11, vencidas: 1, porcentaje: 0.0909 },
			{ etapa: 'Cobertura confirmada', estancias: 8, vencidas: 1, porcentaje: 0.125 },
			{ etapa: 'Documentos pendientes', estancias: 6, vencidas: 1, porcentaje: 0.1667 },
			{ etapa: 'Agendada', estancias: 7, vencidas: 1, porcentaje: 0.1429 },
			{ etapa: 'Asignada', estancias: 5, vencidas: 2, porcentaje: 0.4 },
			{ etapa: 'Firmada', estancias: 4, vencidas: 0, porcentaje: 0 }
		]);
	});

	it('cobros: primer cobro cotizado, cobrado en la instalación, en total y pendiente por semana', async () => {
		// C8 (cancelled) is left out; C2's voided payment does not count.
		expect(await rows('cobros', 'semanas')).toEqual([
			{ semana: '2026-10-05', instalaciones: 2, cotizado: 180_000, cobrado_instalacion: 110_000, cobrado: 150_000, pendiente: 30_000 },
			{ semana: '2026-10-12', instalaciones: 2, cotizado: 210_000, cobrado_instalacion: 90_000, cobrado: 90_000, pendiente: 120_000 },
			{ semana: '2026-10-19', instalaciones: 1, cotizado: 70_000, cobrado_instalacion: 0, cobrado: 0, pendiente: 70_000 }
		]);
	});

	it('cada sección declara sus columnas, con tipos conocidos, y sus filas solo las usan', async () => {
		const types = new Set(['text', 'date', 'int', 'money', 'ratio', 'hours', 'decimal']);
		for (const key of ['embudo', 'tiempos', 'flujo', 'productividad', 'agentes', 'fuentes', 'cancelaciones', 'sla', 'cobros'] as const) {
			for (const s of (await report(key)).sections) {
				const keys = s.columns.map((c) => c.key);
				for (const c of s.columns) expect(types.has(c.type), `${key}.${s.key}.${c.key}`).toBe(true);
				for (const row of s.rows) expect(Object.keys(row).sort()).toEqual([...keys].sort());
				if (s.chart) for (const k of [s.chart.x, ...s.chart.series]) expect(keys).toContain(k);
			}
		}
	});
});
