/** The jobs of one day with where they are, for the day's map (issue 22). */
import type { RawRunner } from './client';
import type { Stage } from '$lib/domain/stages';

type Runner = Pick<RawRunner, 'query'>;

export interface DayJobRow {
	id: string;
	folio: number;
	stage: Stage;
	fullName: string;
	sm: string | null;
	mz: string | null;
	lt: string | null;
	ext: string | null;
	int: string | null;
	building: string | null;
	street: string | null;
	colonia: string | null;
	city: string | null;
	lat: number | null;
	lng: number | null;
	/** The office's notes for the visit: where the customer told us the house is, the dog, the gate. */
	comments: string | null;
	installationTime: string | null;
	routeOrder: number | null;
	technicianId: string | null;
	technicianName: string | null;
	zoneName: string | null;
	done: boolean;
}

/**
 * Installations scheduled on `date` that still happen or happened that day (cancelled ones and
 * leads are not visits); only `technicianId`'s when given.
 */
export function dayJobs(db: Runner, orgId: string, date: string, technicianId: string | null): Promise<DayJobRow[]> {
	return db.query<DayJobRow>(
		`select i.id, i.folio::int as folio, i.stage, i.full_name as "fullName", i.addr_sm as sm, i.addr_mz as mz, i.addr_lt as lt,
			i.addr_ext as ext, i.addr_int as int, i.addr_building as building, i.addr_street as street, i.addr_colonia as colonia,
			i.addr_city as city, i.lat, i.lng, i.comments, i.installation_time as "installationTime", i.route_order as "routeOrder",
			i.technician_id as "technicianId", u.name as "technicianName", z.name as "zoneName",
			(i.completed_at is not null or i.stage = 'activa') as done
		 from installations i left join users u on u.id = i.technician_id left join zones z on z.id = i.zone_id
		 where i.org_id = $1 and i.installation_date = $2::date and i.stage in ('agendada', 'asignada', 'firmada', 'activa')
			and ($3::uuid is null or i.technician_id = $3::uuid)
		 order by i.folio`,
		[orgId, date, technicianId]
	);
}
