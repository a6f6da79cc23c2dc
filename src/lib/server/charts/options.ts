/**
 * A report section's chart as an ECharts option (issue 21). Pure: the rows and columns of the
 * section in, an option out; `render.ts` turns it into SVG on the server.
 */
import type { EChartsOption, SeriesOption } from 'echarts';
import type { ReportColumn, ReportSection } from '$lib/types/reports';
import { chartNumber, columnOf, formatReportValue } from '$lib/domain/report-format';
import { DASHES, DECALS, OKABE_ITO, SYMBOLS } from './palette';

export interface ChartSize {
	width: number;
	height: number;
}

const TEXT = '#1f2937';
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
/** More points than this and per-point labels would overlap; the legend and the table carry the numbers. */
const MAX_LABELLED_POINTS = 14;

/** Tick and label text: pesos and percent the way the table writes them, counts plain. */
function tick(col: ReportColumn | undefined): (value: number) => string {
	if (!col) return (v) => String(v);
	if (col.type === 'money') return (v) => formatReportValue(Math.round(v * 100), 'money').replace(/\.00$/, '');
	if (col.type === 'ratio') return (v) => `${v} %`;
	if (col.type === 'hours') return (v) => `${v} h`;
	return (v) => formatReportValue(v, 'int');
}

function categories(section: ReportSection, xKey: string): string[] {
	const x = columnOf(section, xKey);
	return section.rows.map((r) => (x ? formatReportValue(r[xKey], x.type) : String(r[xKey] ?? '')));
}

/** Chart size for a section: horizontal bars grow with their categories, the rest are a fixed frame. */
export function chartSize(section: ReportSection): ChartSize {
	const chart = section.chart;
	if (chart?.horizontal) return { width: 760, height: Math.max(200, 90 + section.rows.length * 34) };
	if (chart?.kind === 'funnel') return { width: 760, height: Math.max(240, 60 + section.rows.length * 46) };
	return { width: 760, height: 340 };
}

function funnel(section: ReportSection): EChartsOption {
	const chart = section.chart!;
	const key = chart.series[0];
	const col = columnOf(section, key);
	const names = categories(section, chart.x);
	const data = section.rows.map((r, i) => ({ name: names[i], value: chartNumber(r[key], col?.type ?? 'int') ?? 0 }));
	return {
		series: [
			{
				type: 'funnel',
				name: col?.label ?? key,
				sort: 'none',
				left: '22%',
				width: '56%',
				top: 16,
				bottom: 16,
				minSize: '8%',
				gap: 3,
				label: {
					show: true,
					position: 'left',
					color: TEXT,
					fontSize: 13,
					formatter: (p) => `${p.name}: ${tick(col)(Number(p.value))}`
				},
				labelLine: { show: true },
				itemStyle: { borderColor: '#fff', borderWidth: 1 },
				data
			}
		]
	};
}

function cartesian(section: ReportSection): EChartsOption {
	const chart = section.chart!;
	const names = categories(section, chart.x);
	const cols = chart.series.map((k) => columnOf(section, k));
	const valueCol = cols.find(Boolean);
	const labelled = section.rows.length <= MAX_LABELLED_POINTS;
	const isBar = chart.kind === 'bar' || chart.kind === 'histogram';
	const series: SeriesOption[] = chart.series.map((key, i) => {
		const col = cols[i];
		const data = section.rows.map((r) => chartNumber(r[key], col?.type ?? 'int'));
		const name = col?.label ?? key;
		const fmt = tick(col);
		if (isBar) {
			return {
				type: 'bar',
				name,
				data,
				stack: chart.stacked ? 'total' : undefined,
				barCategoryGap: chart.kind === 'histogram' ? '4%' : '30%',
				itemStyle: { borderColor: '#fff', borderWidth: chart.kind === 'histogram' ? 1 : 0 },
				label: {
					show: labelled && (!chart.stacked || chart.series.length === 1),
					position: chart.horizontal ? 'right' : 'top',
					color: TEXT,
					formatter: (p) => (p.value === null || p.value === undefined ? '' : fmt(Number(p.value)))
				}
			};
		}
		return {
			type: 'line',
			name,
			data,
			stack: chart.kind === 'area' && chart.stacked !== false ? 'total' : undefined,
			areaStyle: chart.kind === 'area' ? { opacity: 0.55 } : undefined,
			symbol: SYMBOLS[i % SYMBOLS.length],
			symbolSize: 7,
			showSymbol: section.rows.length <= 40,
			lineStyle: { width: 2.5, type: chart.kind === 'area' ? 'solid' : (DASHES[i % DASHES.length] as 'solid') },
			// The series' name at the end of its line tells it apart without the legend's colours.
			endLabel: { show: chart.series.length > 1, formatter: '{a}', color: TEXT, fontSize: 11 }
		};
	});
	const category = {
		type: 'category' as const,
		data: names,
		axisLabel: { color: TEXT, fontSize: 11, hideOverlap: true, width: chart.horizontal ? 170 : 110, overflow: 'truncate' as const },
		axisTick: { alignWithLabel: true }
	};
	const value = {
		type: 'value' as const,
		axisLabel: { color: TEXT, fontSize: 11, formatter: tick(valueCol) },
		splitLine: { lineStyle: { color: '#e5e7eb' } }
	};
	const multi = chart.series.length > 1;
	return {
		legend: multi ? { show: true, top: 0, textStyle: { color: TEXT, fontSize: 12 }, itemWidth: 28, itemHeight: 14 } : { show: false },
		grid: {
			left: chart.horizontal ? 180 : 64,
			right: multi && !isBar ? 120 : 40,
			top: multi ? 44 : 24,
			bottom: 48
		},
		xAxis: chart.horizontal ? value : category,
		yAxis: chart.horizontal ? { ...category, inverse: true } : value,
		series
	};
}

/** The ECharts option for a section, or null when it has no chart or nothing to draw. */
export function sectionOption(section: ReportSection): EChartsOption | null {
	const chart = section.chart;
	if (!chart || section.rows.length === 0 || chart.series.length === 0) return null;
	const body = chart.kind === 'funnel' ? funnel(section) : cartesian(section);
	return {
		animation: false,
		color: [...OKABE_ITO],
		textStyle: { fontFamily: FONT, color: TEXT },
		// Decals (hatching) tell bars and bands apart in greyscale; the generated label is ours.
		aria: { enabled: true, label: { enabled: false }, decal: { show: true, decals: DECALS.map((d) => ({ ...d })) } },
		...body
	} as EChartsOption;
}
