import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, run, type Executor } from './card-tx';

/** A card's scheduling fields: zone, installation date and time, technician. */
export interface ScheduleRow {
	zoneId: string | null;
	date: string | null;
	time: string | null;
	technicianId: string | null;
}

export async function of(exec: Executor, orgId: string, id: string): Promise<ScheduleRow | null> {
	return firstOf<ScheduleRow>(
		exec,
		sql`select zone_id as "zoneId", installation_date::text as date, installation_time as time, technician_id as "technicianId"
			from installations where org_id = ${orgId} and id = ${id}`
	);
}

export async function set(exec: Executor, id: string, next: ScheduleRow): Promise<void> {
	await run(
		exec,
		sql`update installations set zone_id = ${next.zoneId}, installation_date = ${next.date}::date,
			installation_time = ${next.time}, technician_id = ${next.technicianId} where id = ${id}`
	);
}

export async function setTechnician(exec: Executor, id: string, technicianId: string | null): Promise<void> {
	await run(exec, sql`update installations set technician_id = ${technicianId} where id = ${id}`);
}

/** One scheduled or assigned job as the technicians' calendar shows it. */
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

/** Scheduled and assigned jobs between two dates (inclusive), by day, time and folio. */
export async function calendarJobs(exec: Executor, orgId: string, from: string, to: string): Promise<CalendarJob[]> {
	return rowsOf<CalendarJob>(
		exec,
		sql`select i.id, i.folio::int as folio, i.full_name as "fullName", i.addr_colonia as colonia, i.zone_id as "zoneId",
			z.name as "zoneName", p.name as "planName", i.stage, i.installation_date::text as "installationDate",
			i.installation_time as "installationTime", i.technician_id as "technicianId", i.phone, i.version,
			concat_ws(', ', 'SM ' || i.addr_sm, 'MZ ' || i.addr_mz, 'LT ' || i.addr_lt, '#' || i.addr_ext, i.addr_street, i.addr_colonia) as address
		 from installations i left join zones z on z.id = i.zone_id left join plans p on p.id = i.plan_id
		 where i.org_id = ${orgId} and i.stage in ('agendada', 'asignada')
		   and i.installation_date between ${from}::date and ${to}::date
		 order by i.installation_date, i.installation_time nulls last, i.folio`
	);
}
