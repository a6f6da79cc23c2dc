/**
 * The technicians' calendar and the card's scheduling fields (zone, installation date and time).
 * A date or zone change recomputes the billing snapshot in the same transaction; a zone change
 * releases the IP, because the address belongs to the old zone's pools.
 */
import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { addHistory, lockCard, setActor, type HistoryEntry } from '../db/card-tx';
import * as schedule from '../db/schedule';
import * as zones from '../db/zones';
import { addDays, isCivilDate, todayIn, dateParts } from '$lib/domain/dates';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireCoordinator, requireStaff } from './roles';
import { recomputeBilling } from './billing';
import { releaseIp } from './ip-allocation';
import { assignmentWarnings, techniciansForDay } from './assignment';
import * as notify from './notify';

export type { CalendarJob } from '../db/schedule';

const dateSchema = z.string().refine(isCivilDate, 'Escribe una fecha válida (AAAA-MM-DD).');

/** Monday of the week `date` falls in. */
export function weekStart(date: string): string {
	const { year, month, day } = dateParts(date);
	const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday
	return addDays(date, -((weekday + 6) % 7));
}

export async function calendarView(db: Database, actor: SessionUser, raw: { vista?: string | null; fecha?: string | null }) {
	requireStaff(actor);
	const today = todayIn(actor.timeZone);
	const view = raw.vista === 'dia' ? 'dia' : 'semana';
	const anchor = raw.fecha && isCivilDate(raw.fecha) ? raw.fecha : today;
	const from = view === 'dia' ? anchor : weekStart(anchor);
	const days = Array.from({ length: view === 'dia' ? 1 : 7 }, (_, i) => addDays(from, i));
	const jobs = await schedule.calendarJobs(db.orm, actor.orgId, from, days[days.length - 1]);
	const technicians = (await techniciansForDay(db.orm, actor.orgId, null, null)).map(({ jobs: _j, servesZone: _s, ...t }) => t);
	return {
		view,
		today,
		anchor,
		days,
		prev: addDays(from, view === 'dia' ? -1 : -7),
		next: addDays(from, view === 'dia' ? 1 : 7),
		jobs,
		technicians,
		canEdit: actor.role === 'admin' || actor.role === 'coordinator'
	};
}

const scheduleSchema = z.object({
	installationId: uuidSchema,
	zoneId: z.union([uuidSchema, z.literal('').transform(() => null), z.null()]).optional(),
	installationDate: z.union([dateSchema, z.literal('').transform(() => null), z.null()]).optional(),
	installationTime: z.string().trim().max(40, 'La hora es demasiado larga.').optional(),
	technicianId: z.union([uuidSchema, z.literal('').transform(() => null), z.null()]).optional(),
	version: z.coerce.number().int().optional()
});

/**
 * Changes any of zone, date, time and technician. Used by the card (source 'tarjeta') and by the
 * calendar's drag and drop (source 'calendario'). Returns assignment warnings, never blocks on them:
 * the calendar shows them next to the moved job.
 */
export async function updateScheduling(db: Database, actor: SessionUser, raw: unknown, source = 'tarjeta') {
	requireCoordinator(actor, 'agendar o reprogramar instalaciones');
	const input = parseInput(scheduleSchema, raw);
	return db.orm.transaction(async (tx) => {
		const card = await lockCard(tx, actor.orgId, input.installationId);
		if (!card) throw notFound('Esa instalación no existe.');
		if (input.version !== undefined && input.version !== card.version) {
			throw new ServiceError(409, 'Alguien más cambió esta instalación hace un momento; revisa los datos actuales y vuelve a intentarlo.');
		}
		if (card.stage === 'cancelada' || card.stage === 'activa') {
			throw new ServiceError(422, `La instalación está ${card.stage}; ya no se reprograma.`);
		}
		const current = (await schedule.of(tx, actor.orgId, card.id))!;
		const next = {
			zoneId: input.zoneId === undefined ? current.zoneId : input.zoneId,
			date: input.installationDate === undefined ? current.date : input.installationDate,
			time: input.installationTime === undefined ? current.time : input.installationTime || null,
			technicianId: input.technicianId === undefined ? current.technicianId : input.technicianId
		};
		if (next.zoneId && next.zoneId !== current.zoneId) {
			if (!(await zones.exists(tx, actor.orgId, next.zoneId)))
				throw new ServiceError(422, 'Esa zona no existe; elige una de la lista.', { zoneId: ['Elige una zona de la lista.'] });
		}
		const history: HistoryEntry[] = [];
		const track = (field: string, a: unknown, b: unknown) => {
			if (a !== b) history.push({ kind: 'field', field, oldValue: a, newValue: b, source });
		};
		track('zone_id', current.zoneId, next.zoneId);
		track('installation_date', current.date, next.date);
		track('installation_time', current.time, next.time);
		track('technician_id', current.technicianId, next.technicianId);
		const warnings = next.technicianId ? await assignmentWarnings(tx, actor.orgId, next.technicianId, next.date, next.zoneId, card.id) : [];
		if (!history.length) {
			// Nothing changed, but the plan or cost may have been edited elsewhere: refresh the snapshot.
			await setActor(tx, actor);
			await recomputeBilling(tx, actor.orgId, card.id);
			return { changed: false, warnings };
		}

		await setActor(tx, actor);
		if (next.zoneId !== current.zoneId) {
			const released = await releaseIp(tx, actor.orgId, card.id);
			if (released) history.push({ kind: 'field', field: 'ip', oldValue: released, newValue: null, source });
		}
		await schedule.set(tx, card.id, next);
		await notify.scheduleChanged(tx, actor.id, card.id, current, next);
		await recomputeBilling(tx, actor.orgId, card.id);
		await addHistory(tx, actor.orgId, card.id, actor.id, history);
		return { changed: true, warnings };
	});
}

export async function rescheduleFromCalendar(db: Database, actor: SessionUser, raw: Record<string, unknown>) {
	const { installationId, installationDate, technicianId } = raw;
	return updateScheduling(
		db,
		actor,
		{ installationId, installationDate, ...(technicianId !== undefined ? { technicianId } : {}) },
		'calendario'
	);
}

export { dateSchema };
