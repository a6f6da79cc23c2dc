/**
 * Report charts drawn on the server (issue 21): ECharts' SSR renderer writes an SVG string, so the
 * page's first paint has the picture and no chart JavaScript reaches the browser. Text in the SVG
 * (category names, series labels) is escaped by ECharts' SVG writer; the data is our own reports.
 */
import * as echarts from 'echarts';
import type { ReportSection } from '$lib/types/reports';
import { chartSize, sectionOption } from './options';

/**
 * Scales with its container: the fixed width/height ECharts writes become `width="100%"` and an
 * automatic height, keeping the viewBox, so the same SVG fits a 390 px phone and a printed page.
 */
function responsive(svg: string): string {
	return svg.replace(
		/^<svg width="\d+(?:\.\d+)?" height="\d+(?:\.\d+)?"/,
		'<svg width="100%" preserveAspectRatio="xMidYMid meet" focusable="false" aria-hidden="true"'
	);
}

/** The section's chart as an SVG string, or null when the section draws nothing. */
export function renderSectionChart(section: ReportSection): string | null {
	const option = sectionOption(section);
	if (!option) return null;
	const { width, height } = chartSize(section);
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption(option);
		return responsive(chart.renderToSVGString());
	} finally {
		chart.dispose();
	}
}
