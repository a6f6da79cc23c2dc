/**
 * The technicians' calendar and the card's scheduling fields (zone, installation date and time).
 * A date or zone change recomputes the billing snapshot in the same transaction; a zone change
 * releases the IP, because the address belongs to the old zone's pools.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { addHistory, firstOf, lockCard, rowsOf, setActor, type HistoryEntry } from '../db/card-tx';
import { run } from '../db/card-tx';
import { addDays, isCivilDate, todayIn, dateParts } from '$lib/domain/dates';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireCoordinator, requireStaff } from './roles';
import { recomputeBilling } from './billing';
import { releaseIp } from './ip-allocation';
import { assignmentWarnings, techniciansForDay } from './assignment';

export interface CalendarJob {
	id: string;
	folio: number;
	fullName: string;
	colonia: string | null;
	zoneId: string | null;
	zoneName: string | null;
	planName: string | null;
	stage: string;
	installationDate: string;
	installationTime: string | null;
	technicianId: string | null;
	phone: string | null;
	address: string | null;
	version: number;
}

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
	const jobs = await rowsOf<CalendarJob>(
		db.orm,
		sql`select i.id, i.folio::int as folio, i.full_name as "fullName", i.addr_colonia as colonia, i.zone_id as "zoneId",
			z.name as "zoneName", p.name as "planName", i.stage, i.installation_date::text as "installationDate",
			i.installation_time as "installationTime", i.technician_id as "technicianId", i.phone, i.version,
			concat_ws(', ', 'SM ' || i.addr_sm, 'MZ ' || i.addr_mz, 'LT ' || i.addr_lt, '#' || i.addr_ext, i.addr_street, i.addr_colonia) as address
		 from installations i left join zones z on z.id = i.zone_id left join plans p on p.id = i.plan_id
		 where i.org_id = ${actor.orgId} and i.stage in ('agendada', 'asignada')
		   and i.installation_date between ${from}::date and ${days[days.length - 1]}::date
		 order by i.installation_date, i.installation_time nulls last, i.folio`
	);
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
		const current = (await firstOf<{ zoneId: string | null; date: string | null; time: string | null; technicianId: string | null }>(
			tx,
			sql`select zone_id as "zoneId", installation_date::text as date, installation_time as time, technician_id as "technicianId"
				from installations where id = ${card.id}`
		))!;
		const next = {
			zoneId: input.zoneId === undefined ? current.zoneId : input.zoneId,
			date: input.installationDate === undefined ? current.date : input.installationDate,
			time: input.installationTime === undefined ? current.time : input.installationTime || null,
			technicianId: input.technicianId === undefined ? current.technicianId : input.technicianId
		};
		if (next.zoneId && next.zoneId !== current.zoneId) {
			const zone = await firstOf(tx, sql`select 1 from zones where org_id = ${actor.orgId} and id = ${next.zoneId}`);
			if (!zone) throw new ServiceError(422, 'Esa zona no existe; elige una de la lista.', { zoneId: ['Elige una zona de la lista.'] });
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
		await run(
			tx,
			sql`update installations set zone_id = ${next.zoneId}, installation_date = ${next.date}::date,
				installation_time = ${next.time}, technician_id = ${next.technicianId} where id = ${card.id}`
		);
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
