/** The lead time, time-in-stage, cumulative flow and SLA reports' SQL (issue 21), from stage history. */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, firstOf, type Executor } from './card-tx';
import { activatedCte, cardsCte, closedStays, hi, hours, lo, localWeek, openStays, round1, ymd, type ReportScope } from './reports-common';

/**
 * `done` CTE (after `cards`): cards that first entered activa in the period, with their lead time
 * in hours (from first entering preinstalación, or being created, to first entering activa).
 */
function doneCte(s: ReportScope): SQL {
	return sql`${activatedCte(s)},
		done as (select a.id, a.at as activated, ${hours(sql`a.at - least(a.pre, a.created_at)`)} as h from act a)`;
}

export interface LeadTimeSummary {
	cards: number;
	p50: number | null;
	p90: number | null;
	avg: number | null;
}

export interface LeadTimes {
	summary: LeadTimeSummary;
	/** The bucket's number (1 = from the first bound, …) and how many cards. */
	buckets: { bucket: number; cards: number }[];
	/** Per week (Monday) of activation: cards activated and their lead time p50/p90 in hours. */
	weeks: { week: string; cards: number; p50: number; p90: number }[];
}

const p50 = round1(sql`percentile_cont(0.5) within group (order by h)`);
const p90 = round1(sql`percentile_cont(0.9) within group (order by h)`);

/**
 * The lead times of the cards activated in the period (hours from entering to activa), summed up,
 * in buckets by the lower bounds `bounds` (hours) and per week, from one reading of the history.
 */
export async function leadTimes(db: Executor, s: ReportScope, bounds: readonly number[]): Promise<LeadTimes> {
	const row = await firstOf<LeadTimes>(
		db,
		sql`with cards as (${cardsCte(s)}), ${doneCte(s)},
			summary as (select count(*)::int as cards, ${p50} as p50, ${p90} as p90, ${round1(sql`avg(h)`)} as avg from done),
			buckets as (select width_bucket(h, ${`{${bounds.join(',')}}`}::float8[])::int as bucket, count(*)::int as cards from done group by 1),
			weeks as (select ${ymd(localWeek(s, sql`activated`))} as week, count(*)::int as cards, ${p50} as p50, ${p90} as p90 from done group by 1)
			select (select row_to_json(x) from summary x) as summary,
				coalesce((select json_agg(b order by b.bucket) from buckets b), '[]') as buckets,
				coalesce((select json_agg(w order by w.week) from weeks w), '[]') as weeks`
	);
	return row!;
}

/**
 * Stays in each stage that ended in the period: how many, and their p50/p90/average hours. Each
 * stage's hours are gathered in one pass (hashed by stage) and sorted once for both percentiles,
 * rather than sorting every stay by stage first.
 */
export function stageStays(
	db: Executor,
	s: ReportScope
): Promise<{ stage: string; stays: number; p50: number; p90: number; avg: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}),
			ended as (
				select e.stage, count(*)::int as stays, array_agg(e.h) as hs, avg(e.h) as avg from ${closedStays(s)} e
				where e.exited >= ${lo(s)} and e.exited < ${hi(s)} and e.stage not in ('activa', 'cancelada')
				group by e.stage
			)
			select g.stage, g.stays, ${round1(sql`p.p[1]`)} as p50, ${round1(sql`p.p[2]`)} as p90, ${round1(sql`g.avg`)} as avg
			from ended g cross join lateral (select percentile_cont('{0.5,0.9}'::float8[]) within group (order by h) as p from unnest(g.hs) h) p`
	);
}

/**
 * Cards in each stage at the end of each day of the period (every day and stage, zeros included):
 * the stays open when the period starts, then +1 on the day a stay begins and −1 on the day it ends
 * (the day found by a binary search among the days' ends in the organisation's zone, cheaper than
 * converting every move's time). Each count reads one index range of the history (the stays begun,
 * ended, or open across the period's start), not all the stays that touch the period at once.
 */
export function cumulativeFlow(
	db: Executor,
	s: ReportScope,
	stages: readonly string[]
): Promise<{ day: string; stage: string; cards: number }[]> {
	const list = sql`${`{${stages.join(',')}}`}::text[]`;
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}),
			base as (
				select stage, count(*) as n from (
					select e.stage from ${closedStays(s)} e where e.entered < ${lo(s)} and e.exited >= ${lo(s)}
					union all select o.stage from ${openStays(s)} o where o.entered < ${lo(s)}
				) b group by stage
			),
			changes as (
				select e.stage, e.entered as at, 1 as n from ${closedStays(s)} e
					where e.entered >= ${lo(s)} and e.entered < ${hi(s)} and e.exited >= ${lo(s)}
				union all select e.stage, e.exited, -1 from ${closedStays(s)} e
					where e.exited >= ${lo(s)} and e.exited < ${hi(s)} and e.entered < ${hi(s)}
				union all select o.stage, o.entered, 1 from ${openStays(s)} o where o.entered >= ${lo(s)} and o.entered < ${hi(s)}
			),
			ends as (
				select array_agg((g.d::date::timestamp at time zone ${s.timeZone}::text) order by g.d) as a
				from generate_series(${s.filters.desde}::date + 1, ${s.filters.hasta}::date + 1, interval '1 day') g(d)
			),
			daily as (select stage, width_bucket(at, (select a from ends)) as k, sum(n) as n from changes group by stage, k),
			grid as (
				select g.k, st.stage from generate_series(0, ${s.filters.hasta}::date - ${s.filters.desde}::date) g(k)
				cross join unnest(${list}) st(stage)
			)
			select ${ymd(sql`${s.filters.desde}::date + g.k`)} as day, g.stage,
				(coalesce(b.n, 0) + sum(coalesce(dl.n, 0)) over (partition by g.stage order by g.k))::int as cards
			from grid g left join daily dl on dl.stage = g.stage and dl.k = g.k left join base b on b.stage = g.stage
			order by g.k, g.stage`
	);
}

export type SlaHours = Record<string, { warnHours: number; lateHours: number }>;

/**
 * Open cards now in each stage: how many, and how many are past their stage's warning and late
 * hours. Only the cards in a stage with limits are aged (through the board's index on the stage),
 * not the closed ones that make up most of the table.
 */
export function slaNow(
	db: Executor,
	s: ReportScope,
	sla: SlaHours
): Promise<{ stage: string; open: number; warn: number; late: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}),
			sla as (select key as stage, (value->>'warnHours')::float8 as warn, (value->>'lateHours')::float8 as late from jsonb_each(${JSON.stringify(sla)}::jsonb)),
			aged as (
				select c.stage, ${hours(sql`now() - c.stage_changed_at`)} as h from cards c
				where c.stage = any(${`{${Object.keys(sla).join(',')}}`}::text[])
			)
			select a.stage, count(*)::int as open,
				count(*) filter (where a.h >= t.warn and a.h < t.late)::int as warn, count(*) filter (where a.h >= t.late)::int as late
			from aged a join sla t on t.stage = a.stage group by a.stage`
	);
}

/** Stays that began in the period in each stage: how many, and how many lasted (or have lasted so far) past the late hours. */
export function slaPeriod(db: Executor, s: ReportScope, sla: SlaHours): Promise<{ stage: string; stays: number; late: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)}),
			began as (
				select e.stage, e.entered, e.h from ${closedStays(s)} e where e.entered >= ${lo(s)} and e.entered < ${hi(s)}
				union all select o.stage, o.entered, null from ${openStays(s)} o where o.entered >= ${lo(s)} and o.entered < ${hi(s)}
			),
			sla as (select key as stage, (value->>'lateHours')::float8 as late from jsonb_each(${JSON.stringify(sla)}::jsonb))
			select st.stage, count(*)::int as stays,
				count(*) filter (where coalesce(st.h, ${hours(sql`now() - st.entered`)}) >= t.late)::int as late
			from began st join sla t on t.stage = st.stage
			group by st.stage`
	);
}
