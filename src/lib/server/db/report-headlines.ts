import type { Database } from './client';

/** The office TV's summary slide: counts only, no names, phones or addresses. */
export interface HeadlineCounts {
	installedToday: number;
	scheduledToday: number;
	installedWeek: number;
	newWeek: number;
	/** This month: cards registered, and distinct cards that entered each stage. */
	funnel: { registered: number; cobertura_confirmada: number; agendada: number; activa: number };
}

/**
 * Today, this week (Monday on) and this month in the organisation's calendar; `today`, `weekStart`
 * and `monthStart` are its civil dates, `timeZone` turns timestamps into them.
 */
export async function counts(
	db: Pick<Database, 'query'>,
	p: { orgId: string; timeZone: string; today: string; weekStart: string; monthStart: string }
): Promise<HeadlineCounts> {
	const [row] = await db.query<{
		installed_today: number;
		scheduled_today: number;
		installed_week: number;
		new_week: number;
		registered: number;
		cobertura_confirmada: number;
		agendada: number;
		activa: number;
	}>(
		`with entered as (
			select h.to_stage, count(distinct h.installation_id)::int as n
			  from stage_history h
			 where h.org_id = $1 and (h.created_at at time zone $2)::date between $5::date and $3::date
			   and h.to_stage in ('cobertura_confirmada', 'agendada', 'activa')
			 group by h.to_stage
		)
		select
			count(*) filter (where i.stage = 'activa' and (i.stage_changed_at at time zone $2)::date = $3::date)::int as installed_today,
			count(*) filter (where i.stage <> 'cancelada' and i.installation_date = $3::date)::int as scheduled_today,
			count(*) filter (where i.stage = 'activa' and (i.stage_changed_at at time zone $2)::date between $4::date and $3::date)::int as installed_week,
			count(*) filter (where i.registered_on between $4::date and $3::date)::int as new_week,
			count(*) filter (where i.registered_on between $5::date and $3::date)::int as registered,
			coalesce((select n from entered where to_stage = 'cobertura_confirmada'), 0) as cobertura_confirmada,
			coalesce((select n from entered where to_stage = 'agendada'), 0) as agendada,
			coalesce((select n from entered where to_stage = 'activa'), 0) as activa
		  from installations i
		 where i.org_id = $1`,
		[p.orgId, p.timeZone, p.today, p.weekStart, p.monthStart]
	);
	return {
		installedToday: row.installed_today,
		scheduledToday: row.scheduled_today,
		installedWeek: row.installed_week,
		newWeek: row.new_week,
		funnel: { registered: row.registered, cobertura_confirmada: row.cobertura_confirmada, agendada: row.agendada, activa: row.activa }
	};
}
