import { describe, expect, it } from 'vitest';
import { renderSectionChart as sut } from './render';
import { sectionOption } from './options';
import {
	funnelSection,
	histogramSection,
	hostileSection,
	lineSection,
	moneySection,
	notedSection,
	stackedAreaSection
} from './report-fixture.spec-helpers';
import { OKABE_ITO } from './palette';

describe('renderSectionChart', () => {
	it.each([
		['funnel', funnelSection, ['Preinstalación: 120', 'Agendada: 54', 'Activa: 30']],
		['stacked area', stackedAreaSection, ['Agendada', 'Activa', '2 nov 2026']],
		['stacked bar (money)', moneySection, ['Cobrado', 'Pendiente', '9 nov 2026']],
		['histogram', histogramSection, ['0–2', '3–5', '6+']],
		['line', lineSection, ['Dentro del objetivo', 'Fuera del objetivo']]
	])('draws a %s as a responsive SVG with its labels', (_kind, section, labels) => {
		const svg = sut(section)!;
		expect(svg.startsWith('<svg width="100%"')).toBe(true);
		expect(svg).toMatch(/viewBox="0 0 760 \d+"/);
		expect(svg).not.toMatch(/^<svg[^>]* height="/);
		for (const label of labels) expect(svg).toContain(label);
	});

	it('uses the Okabe–Ito palette and decal patterns for several series', () => {
		const svg = sut(moneySection)!;
		expect(svg.toLowerCase()).toContain(OKABE_ITO[0].toLowerCase());
		expect(svg.toLowerCase()).toContain(OKABE_ITO[1].toLowerCase());
		expect(svg).toContain('<pattern');
	});

	it('writes pesos and percent on the axes, as the table does', () => {
		expect(sut(moneySection)).toMatch(/\$1,000|\$1,500|\$2,000/);
		expect(sut(lineSection)).toMatch(/\d+ %/);
	});

	it('escapes text from the data: no markup gets through', () => {
		const svg = sut(hostileSection)!;
		expect(svg).not.toContain('<script');
		expect(svg).not.toContain('<b>');
		expect(svg).toContain('&lt;script&gt;');
	});

	it('draws nothing for a section without a chart or without rows', () => {
		expect(sut(notedSection)).toBeNull();
		expect(sut({ ...funnelSection, rows: [] })).toBeNull();
		expect(sectionOption(notedSection)).toBeNull();
	});

	it('gives each line its own dash and marker, so they differ without colour', () => {
		const option = sectionOption(lineSection) as { series: { lineStyle: { type: unknown }; symbol: string }[] };
		const [a, b] = option.series;
		expect(a.lineStyle.type).not.toEqual(b.lineStyle.type);
		expect(a.symbol).not.toBe(b.symbol);
	});
});
