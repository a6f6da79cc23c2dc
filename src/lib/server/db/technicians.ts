import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from './card-tx';

/** An active technician, with whether they serve the zone asked about. */
export interface TechnicianRow {
	id: string;
	name: string;
	color: string | null;
	/** Their own daily capacity; null means the provider's default. */
	capacity: number | null;
	servesZone: boolean;
}

export async function active(exec: Executor, orgId: string, zoneId: string | null): Promise<TechnicianRow[]> {
	return rowsOf<TechnicianRow>(
		exec,
		sql`select u.id, u.name, u.color, u.daily_capacity as capacity,
			exists (select 1 from zone_technicians zt where zt.user_id = u.id and zt.zone_id = ${zoneId}) as "servesZone"
		 from users u where u.org_id = ${orgId} and u.role = 'technician' and u.active order by u.name`
	);
}

/** A job already assigned on a day, as the assignment picker lists it. */
export interface DayJobRow {
	id: string;
	folio: number;
	fullName: string;
	installationTime: string | null;
	colonia: string | null;
	stage: string;
	technicianId: string;
}

/** Every assigned, not cancelled job of the provider on `date`, in the order of the day. */
export async function jobsOn(exec: Executor, orgId: string, date: string): Promise<DayJobRow[]> {
	return rowsOf<DayJobRow>(
		exec,
		sql`select id, folio::int as folio, full_name as "fullName", installation_time as "installationTime",
			addr_colonia as colonia, stage, technician_id as "technicianId"
		 from installations where org_id = ${orgId} and installation_date = ${date}::date
		   and technician_id is not null and stage not in ('cancelada') order by installation_time nulls last, folio`
	);
}
