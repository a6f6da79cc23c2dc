/**
 * The office TV's summary slide (issue 21): every N minutes (Ajustes → Pantallas, 0 = never) the
 * display shows today's, this week's and this month's headline numbers. Counts only: no names,
 * phones or addresses reach the shared screen.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as headlines from '../db/report-headlines';
import { displaySummaryFormSchema, type DisplaySummary } from '$lib/schemas/displays';
import { presetRange } from '$lib/domain/report-range';
import { todayIn } from '$lib/domain/dates';
import { parseInput } from '../validation';
import { forbidden } from './errors';
import { orgSettings } from './board';
import { saveSettings } from './settings';
import type { DisplayViewer } from './displays';

export async function displaySummary(db: Database, viewer: Pick<DisplayViewer, 'orgId' | 'timeZone'>): Promise<DisplaySummary> {
	const settings = await orgSettings(db, viewer.orgId);
	const today = todayIn(viewer.timeZone);
	const c = await headlines.counts(db, {
		orgId: viewer.orgId,
		timeZone: viewer.timeZone,
		today,
		weekStart: presetRange('semana', today).desde,
		monthStart: presetRange('mes', today).desde
	});
	return {
		everyMinutes: settings.displaySummaryMinutes,
		today: { installed: c.installedToday, scheduled: c.scheduledToday },
		week: { installed: c.installedWeek, newLeads: c.newWeek },
		month: {
			registered: c.funnel.registered,
			coverage: c.funnel.cobertura_confirmada,
			scheduled: c.funnel.agendada,
			active: c.funnel.activa
		},
		generatedAt: new Date().toISOString()
	};
}

/** The admin's setting, read for the settings page. */
export async function displaySummaryMinutes(db: Database, actor: SessionUser): Promise<number> {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede gestionar las pantallas.');
	return (await orgSettings(db, actor.orgId)).displaySummaryMinutes;
}

export async function saveDisplaySummary(db: Database, actor: SessionUser, raw: unknown): Promise<{ everyMinutes: number }> {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede gestionar las pantallas.');
	const { everyMinutes } = parseInput(displaySummaryFormSchema, raw);
	await saveSettings(db, actor, { displaySummaryMinutes: everyMinutes });
	return { everyMinutes };
}
