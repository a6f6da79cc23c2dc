import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { makeZone } from './support/scheduling-factories';
import { reportDownload } from '$lib/server/services/report-downloads';
import { reportsPage } from '$lib/server/services/report-page';
import { runReport } from '$lib/server/services/reports';
import { displaySummary, saveDisplaySummary } from '$lib/server/services/display-summary';
import { downloadResponse } from '$lib/server/services/exports';
import { reportCsvText } from '$lib/server/report-files/csv';
import { REPORT_KEYS } from '$lib/domain/reports';
import { addDays, todayIn } from '$lib/domain/dates';
import { presetRange } from '$lib/domain/report-range';

describe.each(drivers)('reportes: página, descargas y resumen de la pantalla en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let today: string;
	const auditRows = async (kind: string) =>
		t.db.query<{ target: string; details: Record<string, unknown> }>(
			`select target, details from audit_log where org_id = $1 and kind = $2`,
			[org.org.id, kind]
		);

	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		today = todayIn('America/Cancun');
		const zoneId = await makeZone(t.db, org.org.id);
		for (const stage of ['preinstalacion', 'agendada', 'activa', 'activa'] as const) {
			const card = await makeCard(t.db, org.org.id, {
				stage,
				zone_id: zoneId,
				registered_on: today,
				installation_date: stage === 'agendada' ? today : null,
				full_name: 'Rosa <b>Peña</b>'
			});
			if (stage !== 'preinstalacion') {
				await t.db.query(
					`insert into stage_history (org_id, installation_id, from_stage, to_stage) values ($1, $2, 'preinstalacion', $3)`,
					[org.org.id, card.id, stage]
				);
			}
		}
	});
	afterAll(() => t.cleanup());

	const range = () => ({ desde: addDays(today, -30), hasta: today });

	it('la página trae cada reporte en el orden del registro, con sus gráficas dibujadas en el servidor', async () => {
		const page = await reportsPage(t.db, org.coordinator, { periodo: '90_dias' });
		expect(page.problem).toBeNull();
		expect(page.reports.map((r) => r.key)).toEqual([...REPORT_KEYS]);
		expect(page.form).toMatchObject({ periodo: '90_dias', ...presetRange('90_dias', today) });
		expect(page.downloadQuery).toBe(`desde=${addDays(today, -89)}&hasta=${today}`);
		const drawn = page.reports.flatMap((r) => r.sections).filter((s) => s.svg);
		expect(drawn.length).toBeGreaterThan(0);
		for (const s of drawn) {
			expect(s.svg).toMatch(/^<svg width="100%"/);
			expect(s.summary.startsWith(s.description)).toBe(true);
		}
	});

	it('fechas al revés son un mensaje en la página, no un error', async () => {
		const page = await reportsPage(t.db, org.admin, { periodo: 'personalizado', desde: '2026-11-30', hasta: '2026-11-01' });
		expect(page.reports).toEqual([]);
		expect(page.problem).toBe('La fecha inicial debe ser anterior o igual a la fecha final.');
	});

	it('asesores y técnicos no ven los reportes ni los descargan, y no queda registro', async () => {
		for (const who of [org.agent, org.technician]) {
			await expect(reportsPage(t.db, who, {})).rejects.toMatchObject({ status: 403 });
			await expect(reportDownload(t.db, who, 'embudo', { formato: 'csv' })).rejects.toMatchObject({ status: 403 });
		}
		expect(await auditRows('report_exported')).toEqual([]);
	});

	it('el CSV es exactamente la tabla del reporte, con BOM, y queda en la bitácora', async () => {
		const d = await reportDownload(t.db, org.coordinator, 'embudo', { formato: 'csv', ...range() });
		expect(d.filename).toBe(`reporte-embudo-${range().desde}_${range().hasta}.csv`);
		const bytes = d.body as Uint8Array;
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const shown = await runReport(t.db, org.coordinator, 'embudo', range());
		expect(new TextDecoder().decode(bytes.slice(3))).toBe(reportCsvText(shown));
		expect(downloadResponse(d).headers.get('content-disposition')).toBe(`attachment; filename="${d.filename}"`);
		const [row] = await auditRows('report_exported');
		expect(row).toMatchObject({ target: 'Embudo de instalación', details: { formato: 'csv', desde: range().desde, hasta: range().hasta } });
	});

	it('el Excel tiene una hoja por sección con los mismos números, con fechas como fechas', async () => {
		for (const key of ['embudo', 'flujo', 'cobros'] as const) {
			const d = await reportDownload(t.db, org.admin, key, { formato: 'xlsx', ...range() });
			expect(d.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
			const book = new ExcelJS.Workbook();
			await book.xlsx.load(Buffer.from(d.body as Uint8Array) as unknown as ArrayBuffer);
			const shown = await runReport(t.db, org.admin, key, range());
			expect(book.worksheets.length).toBe(shown.sections.length);
			shown.sections.forEach((section, i) => {
				const sheet = book.worksheets[i];
				section.rows.forEach((row, r) => {
					section.columns.forEach((col, c) => {
						const cell = sheet.getRow(r + 2).getCell(c + 1).value;
						const v = row[col.key];
						if (v === null) expect(cell).toBeNull();
						else if (col.type === 'date') expect((cell as Date).toISOString().slice(0, 10)).toBe(v);
						else if (col.type === 'money') expect(cell).toBe((v as number) / 100);
						else expect(cell).toBe(v);
					});
				});
			});
		}
	});

	it('rechaza un reporte desconocido, un formato raro y fechas imposibles con frases en español', async () => {
		await expect(reportDownload(t.db, org.admin, 'nomina', { formato: 'csv' })).rejects.toMatchObject({ status: 404 });
		await expect(reportDownload(t.db, org.admin, 'embudo', { formato: 'pdf' })).rejects.toMatchObject({
			status: 400,
			message: 'Elige el formato de descarga: csv o xlsx.'
		});
		await expect(reportDownload(t.db, org.admin, 'embudo', { formato: 'csv', desde: '2026-02-31' })).rejects.toMatchObject({ status: 400 });
	});

	it('el resumen de la pantalla cuenta el día, la semana y el mes, sin datos personales, y obedece el ajuste', async () => {
		const viewer = { orgId: org.org.id, timeZone: 'America/Cancun' };
		const summary = await displaySummary(t.db, viewer);
		expect(summary.everyMinutes).toBe(0);
		expect(summary.today).toEqual({ installed: 2, scheduled: 1 });
		expect(summary.week).toEqual({ installed: 2, newLeads: 4 });
		expect(summary.month).toEqual({ registered: 4, coverage: 0, scheduled: 1, active: 2 });
		expect(JSON.stringify(summary)).not.toContain('Rosa');
		await expect(saveDisplaySummary(t.db, org.coordinator, { everyMinutes: '5' })).rejects.toMatchObject({ status: 403 });
		await expect(saveDisplaySummary(t.db, org.admin, { everyMinutes: '-1' })).rejects.toMatchObject({ status: 400 });
		await saveDisplaySummary(t.db, org.admin, { everyMinutes: '5' });
		expect((await displaySummary(t.db, viewer)).everyMinutes).toBe(5);
	});
});
