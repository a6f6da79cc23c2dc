import { describe, expect, it } from 'vitest';
import { chartNumber, chartSummary, formatReportValue as sut } from './report-format';
import { presetRange, resolveRange } from './report-range';
import type { ReportSection } from '$lib/types/reports';

describe('formatReportValue', () => {
	it.each([
		[123456, 'money', '$1,234.56'],
		[100000000, 'money', '$1,000,000.00'],
		[0.45, 'ratio', '45 %'],
		[1, 'ratio', '100 %'],
		[12.46, 'hours', '12.5 h'],
		[1234, 'int', '1,234'],
		[2.25, 'decimal', '2.3'],
		['2026-09-01', 'date', '1 sep 2026'],
		['Volante', 'text', 'Volante'],
		[null, 'money', '—']
	] as const)('%j as %s reads %s', (value, type, text) => {
		expect(sut(value, type)).toBe(text);
	});

	it('plots pesos and percent', () => {
		expect(chartNumber(123450, 'money')).toBe(1234.5);
		expect(chartNumber(0.456, 'ratio')).toBe(45.6);
		expect(chartNumber(null, 'int')).toBeNull();
	});
});

describe('chartSummary', () => {
	const section: ReportSection = {
		key: 's',
		title: 'Cobros',
		description: 'Lo cobrado por semana.',
		chart: { kind: 'bar', x: 'semana', series: ['cobrado'] },
		columns: [
			{ key: 'semana', label: 'Semana', type: 'date' },
			{ key: 'cobrado', label: 'Cobrado', type: 'money' }
		],
		rows: [
			{ semana: '2026-11-02', cobrado: 1000 },
			{ semana: '2026-11-09', cobrado: 250000 }
		]
	};
	it('says what the chart shows: the sentence, the rows and each series’ highest point', () => {
		expect(chartSummary(section)).toBe('Lo cobrado por semana. 2 filas. Cobrado: máximo $2,500.00 (9 nov 2026).');
	});
	it('is the sentence alone without rows', () => {
		expect(chartSummary({ ...section, rows: [] })).toBe('Lo cobrado por semana.');
	});
});

describe('presets', () => {
	it('counts the week from Monday, the month from the 1st, 90 days with today', () => {
		// 2026-12-05 is a Saturday
		expect(presetRange('semana', '2026-12-05')).toEqual({ desde: '2026-11-30', hasta: '2026-12-05' });
		expect(presetRange('semana', '2026-11-30')).toEqual({ desde: '2026-11-30', hasta: '2026-11-30' });
		expect(presetRange('semana', '2026-12-06')).toEqual({ desde: '2026-11-30', hasta: '2026-12-06' });
		expect(presetRange('mes', '2026-12-05')).toEqual({ desde: '2026-12-01', hasta: '2026-12-05' });
		expect(presetRange('90_dias', '2026-12-05')).toEqual({ desde: '2026-09-07', hasta: '2026-12-05' });
	});
	it('keeps typed dates only with «personalizado», and defaults to this month', () => {
		expect(resolveRange({}, '2026-12-05')).toEqual({ preset: 'mes', desde: '2026-12-01', hasta: '2026-12-05' });
		expect(resolveRange({ periodo: 'semana', desde: '2020-01-01' }, '2026-12-05').desde).toBe('2026-11-30');
		expect(resolveRange({ periodo: 'personalizado', desde: '2026-09-01', hasta: '2026-11-30' }, '2026-12-05')).toEqual({
			preset: 'personalizado',
			desde: '2026-09-01',
			hasta: '2026-11-30'
		});
		expect(resolveRange({ periodo: 'raro' }, '2026-12-05').preset).toBe('mes');
	});
});
