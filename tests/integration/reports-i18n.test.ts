/**
 * Reports in the reader's language (issue 23): the builders' Spanish is exactly the `reports_*`
 * messages' Spanish, so the English copy the page and downloads read is a full translation; the
 * provider's own names stay as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { loadReportData } from './support/report-fixtures';
import { runReport } from '$lib/server/services/reports';
import { localizeReport } from '$lib/server/services/reports/localize';
import { drawReport } from '$lib/server/services/report-page';
import { reportCsvText } from '$lib/server/report-files/csv';
import { REPORT_KEYS, isProviderDataColumn } from '$lib/domain/reports';
import { STAGES } from '$lib/domain/stage-registry';
import { m } from '$lib/paraglide/messages.js';
import type { Report } from '$lib/types/reports';

const OCTOBER = { desde: '2026-10-01', hasta: '2026-10-31' };
const messages = m as unknown as Record<string, ((i?: object, o?: { locale: 'es' | 'en' }) => string) | undefined>;
const spanish = (key: string) => messages[key]?.({}, { locale: 'es' });
const SPANISH = /[áéíóúñ¿¡]|\b(de|del|la|las|los|el|en|por|con|sin|que|y|semana|tarjetas?|etapa)\b/i;

describe.each(drivers)('reportes en el idioma de quien lee en %s', (driver) => {
	let t: TestDatabase;
	const reports: Report[] = [];
	beforeAll(async () => {
		t = await freshDatabase(driver);
		const data = await loadReportData(t.db);
		for (const key of REPORT_KEYS) reports.push(await runReport(t.db, data.org.coordinator, key, OCTOBER));
	}, 120_000);
	afterAll(() => t.cleanup());

	it('every title, description, note and column the builders write is a reports_* message worded the same', () => {
		let checked = 0;
		for (const r of reports) {
			for (const s of r.sections) {
				const base = `reports_${r.key}_${s.key}`;
				expect(spanish(`${base}_title`), base).toBe(s.title);
				expect(spanish(`${base}_description`), base).toBe(s.description);
				if (s.note) expect(spanish(`${base}_note`), base).toBe(s.note);
				for (const c of s.columns) {
					// A reason's column is the provider's; a stage's (cumulative flow) is named by the stage messages.
					if (c.key.startsWith('motivo_') || (STAGES as readonly string[]).includes(c.key)) continue;
					expect(spanish(`${base}_col_${c.key}`) ?? spanish(`reports_col_${c.key}`), `${base}.${c.key}`).toBe(c.label);
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(60);
	});

	it('in English no word of the app is Spanish; the provider’s names stay', () => {
		for (const r of reports) {
			const en = localizeReport(r, 'en');
			expect(en.title, r.key).not.toMatch(SPANISH);
			for (const s of en.sections) {
				for (const text of [s.title, s.description, s.note ?? '']) expect(text, `${r.key}.${s.key}`).not.toMatch(SPANISH);
				for (const c of s.columns) if (!isProviderDataColumn(c.key)) expect(c.label, `${r.key}.${s.key}.${c.key}`).not.toMatch(SPANISH);
				for (const row of s.rows)
					for (const [k, v] of Object.entries(row))
						if (typeof v === 'string' && !isProviderDataColumn(k) && !/^\d{4}-\d{2}-\d{2}$/.test(v))
							expect(v, `${r.key}.${s.key}.${k}`).not.toMatch(SPANISH);
			}
		}
		const losses = localizeReport(
			reports.find((r) => r.key === 'embudo')!,
			'en'
		).sections.find((s) => s.key === 'perdidas')!;
		expect(losses.columns.map((c) => c.label)).toEqual(['Stage', 'Declinó', 'No localizable', 'Sin cobertura', 'Total']);
		expect(losses.rows[0].etapa).toBe('Pre-installation');
	});

	it('Spanish is what the builders wrote, and the chart’s summary and the CSV follow the language', () => {
		for (const r of reports) expect(localizeReport(r, 'es')).toBe(r);
		const cobros = reports.find((r) => r.key === 'cobros')!;
		const drawn = drawReport(cobros, 'en');
		expect(drawn.sections[0].summary).toMatch(/^By week of the installation date .* rows?\. Collected in total: highest /);
		expect(drawReport(cobros, 'es').sections[0].summary).toMatch(/filas?\. Cobrado en total: máximo /);
		expect(reportCsvText(localizeReport(cobros, 'en'))).toMatch(/^\uFEFF?"?Week"?,"?Installations"?/);
	});
});
