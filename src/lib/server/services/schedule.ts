import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { addDays, todayIn } from '$lib/domain/dates';

export interface ScheduledJob {
	id: string;
	folio: number;
	fullName: string;
	colonia: string | null;
	zoneName: string | null;
	planName: string | null;
	stage: string;
	installationDate: string;
	installationTime: string | null;
	technicianId: string | null;
	technicianName: string | null;
	technicianColor: string | null;
}

/** Installations with an agreed date in [from, from + days), by date and time. */
export async function listScheduled(db: Database, actor: SessionUser, days = 14, from = todayIn(actor.timeZone)) {
	const params: unknown[] = [actor.orgId, from, addDays(from, days)];
	let scope = '';
	if (actor.role === 'technician') {
		params.push(actor.id);
		scope = 'and i.technician_id = $4';
	}
	const jobs = await db.query<ScheduledJob>(
		`select i.id, i.folio::int as folio, i.full_name as "fullName", i.addr_colonia as colonia, z.name as "zoneName",
			p.name as "planName", i.stage, i.installation_date::text as "installationDate", i.installation_time as "installationTime",
			i.technician_id as "technicianId", u.name as "technicianName", u.color as "technicianColor"
		 from installations i
		 left join zones z on z.id = i.zone_id
		 left join plans p on p.id = i.plan_id
		 left join users u on u.id = i.technician_id
		 where i.org_id = $1 and i.installation_date >= $2::date and i.installation_date < $3::date
		   and i.stage in ('agendada','asignada','firmada') ${scope}
		 order by i.installation_date, i.installation_time nulls last, u.name nulls last, i.full_name`,
		params
	);
	return { from, today: todayIn(actor.timeZone), jobs };
}
