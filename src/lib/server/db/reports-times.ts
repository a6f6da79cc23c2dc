/** The lead time, time-in-stage, cumulative flow and SLA reports' SQL (issue 21), from stage history. */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, firstOf, type Executor } from './card-tx';
import { cardsCte, hi, hours, lo, localDay, localWeek, round1, staysCtes, ymd, type ReportScope } from './reports-common';

/**
 * `done` CTE (after `cards`): cards that first entered activa in the period, with their lead time
 * in hours (from first entering preinstalación, or being created, to first entering activa).
 */
function doneCte(s: ReportScope): SQL {
	return sql`firsts as (
			select sh.installation_id as id, min(sh.created_at) filter (where sh.to_stage = 'activa') as activated,
				min(sh.created_at) filter (where sh.to_stage = 'preinstalacion') as entered
			from stage_history sh join cards c on c.id = sh.installation_id
			where sh.org_id = ${s.orgId} and sh.to_stage in ('activa', 'preinstalacion') group by sh.installation_id
		),
		done as (
			select c.id, f.activated, ${hours(sql`f.activated - least(coalesce(f.entered, c.created_at), c.created_at)`)} as h
			from cards c join firsts f on f.id = c.id
			where f.activated >= ${lo(s)} and f.activated < ${hi(s)}
		)`;
}

export interface LeadTimeSummary {
	cards: number;
	p50: number | null;
	p90: number | null;
	avg: number | null;
}

export async function leadTimeSummary(db: Executor, s: ReportScope): Promise<LeadTimeSummary> {
	const row = await firstOf<LeadTimeSummary>(
		db,
		sql`with cards as (${cardsCte(s)}), ${doneCte(s)}
			select count(*)::int as cards, ${round1(sql`percentile_cont(0.5) within group (order by h)`)} as p50,
				${round1(sql`percentile_cont(0.9) within group (order by h)`)} as p90, ${round1(sql`avg(h)`)} as avg from done`
	);
	return row!;
}

/** Lead times by bucket: the bucket's lower bound in hours (0, 24, 72, 168, 336, 720) and how many cards. */
export function leadTimeBuckets(db: Executor, s: ReportScope, bounds: readonly number[]): Promise<{ bucket: number; cards: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}), ${doneCte(s)}
			select width_bucket(h, ${`{${bounds.join(',')}}`}::float8[])::int as bucket, count(*)::int as cards
			from done group by 1 order by 1`
	);
}

/** Per week (Monday) of activation: cards activated and their lead time p50/p90 in hours. */
export function leadTimeWeeks(db: Executor, s: ReportScope): Promise<{ week: string; cards: number; p50: number; p90: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}), ${doneCte(s)}
			select ${ymd(localWeek(s, sql`activated`))} as week, count(*)::int as cards,
				${round1(sql`percentile_cont(0.5) within group (order by h)`)} as p50,
				${round1(sql`percentile_cont(0.9) within group (order by h)`)} as p90
			from done group by 1 order by 1`
	);
}

/** Stays in each stage that ended in the period: how many, and their p50/p90/average hours. */
export function stageStays(
	db: Executor,
	s: ReportScope
): Promise<{ stage: string; stays: number; p50: number; p90: number; avg: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}), ${staysCtes(s)},
			ended as (select stage, ${hours(sql`exited - entered`)} as h from stays
				where exited >= ${lo(s)} and exited < ${hi(s)} and stage not in ('activa', 'cancelada'))
			select stage, count(*)::int as stays, ${round1(sql`percentile_cont(0.5) within group (order by h)`)} as p50,
				${round1(sql`percentile_cont(0.9) within group (order by h)`)} as p90, ${round1(sql`avg(h)`)} as avg
			from ended group by stage`
	);
}

/** Cards in each stage at the end of each day of the period (every day and stage, zeros included). */
export function cumulativeFlow(
	db: Executor,
	s: ReportScope,
	stages: readonly string[]
): Promise<{ day: string; stage: string; cards: number }[]> {
	const list = sql`${`{${stages.join(',')}}`}::text[]`;
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}), ${staysCtes(s)},
			ev as (
				select stage, ${localDay(s, sql`entered`)} as d, 1 as n from stays
				union all select stage, ${localDay(s, sql`exited`)}, -1 from stays where exited is not null
			),
			base as (select stage, sum(n) as n from ev where d < ${s.filters.desde}::date group by stage),
			daily as (select stage, d, sum(n) as n from ev where d between ${s.filters.desde}::date and ${s.filters.hasta}::date group by stage, d),
			grid as (
				select g.d::date as d, st.stage from generate_series(${s.filters.desde}::date, ${s.filters.hasta}::date, interval '1 day') g(d)
				cross join unnest(${list}) st(stage)
			)
			select ${ymd(sql`g.d`)} as day, g.stage,
				(coalesce(b.n, 0) + sum(coalesce(dl.n, 0)) over (partition by g.stage order by g.d))::int as cards
			from grid g left join daily dl on dl.stage = g.stage and dl.d = g.d left join base b on b.stage = g.stage
			order by g.d, g.stage`
	);
}

export type SlaHours = Record<string, { warnHours: number; lateHours: number }>;

/** Open cards now in each stage: how many, and how many are past their stage's warning and late hours. */
export function slaNow(
	db: Executor,
	s: ReportScope,
	sla: SlaHours
): Promise<{ stage: string; open: number; warn: number; late: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}),
			sla as (select key as stage, (value->>'warnHours')::float8 as warn, (value->>'lateHours')::float8 as late from jsonb_each(${JSON.stringify(sla)}::jsonb)),
			aged as (select c.stage, ${hours(sql`now() - c.stage_changed_at`)} as h from cards c)
			select a.stage, count(*)::int as open,
				count(*) filter (where a.h >= t.warn and a.h < t.late)::int as warn, count(*) filter (where a.h >= t.late)::int as late
			from aged a join sla t on t.stage = a.stage group by a.stage`
	);
}

/** Stays that began in the period in each stage: how many, and how many lasted (or have lasted so far) past the late hours. */
export function slaPeriod(db: Executor, s: ReportScope, sla: SlaHours): Promise<{ stage: string; stays: number; late: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}), ${staysCtes(s)},
			sla as (select key as stage, (value->>'lateHours')::float8 as late from jsonb_each(${JSON.stringify(sla)}::jsonb))
			select st.stage, count(*)::int as stays,
				count(*) filter (where ${hours(sql`coalesce(st.exited, now()) - st.entered`)} >= t.late)::int as late
			from stays st join sla t on t.stage = st.stage
			where st.entered >= ${lo(s)} and st.entered < ${hi(s)}
			group by st.stage`
	);
}
