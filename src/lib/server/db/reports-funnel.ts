/** The funnel, sources and cancellations reports' SQL (issue 21): cards entered in the period and what became of them. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from './card-tx';
import { cardsCte, hi, lo, reachCte, type ReportScope } from './reports-common';

/** Cards entered in the period (created_at in range) that reached each step of the flow (step 1 … 7), or went further. */
export function funnelSteps(db: Executor, s: ReportScope): Promise<{ step: number; cards: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s, { extra: sql`i.created_at >= ${lo(s)} and i.created_at < ${hi(s)}` })}),
			${reachCte()}
			select g.step::int as step, count(r.id)::int as cards
			from generate_series(1, 7) g(step) left join reach r on r.top >= g.step
			group by g.step order by g.step`
	);
}

/** Standing cancellations (not reopened) of the cards entered in the period, by the stage they left and the reason. */
export function funnelLosses(
	db: Executor,
	s: ReportScope
): Promise<{ fromStage: string; reason: string; reasonLabel: string; cards: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s, { extra: sql`i.created_at >= ${lo(s)} and i.created_at < ${hi(s)}` })})
			select x.from_stage as "fromStage", x.reason, max(x.reason_label) as "reasonLabel", count(distinct x.installation_id)::int as cards
			from cancellations x join cards c on c.id = x.installation_id
			where x.org_id = ${s.orgId} and x.reopened_at is null
			group by x.from_stage, x.reason order by x.from_stage, x.reason`
	);
}

/** Leads entered in the period per «¿Cómo se enteró?», how many became customers (reached activa) and how many are cancelled. */
export function sources(
	db: Executor,
	s: ReportScope
): Promise<{ source: string | null; leads: number; customers: number; cancelled: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s, { extra: sql`i.created_at >= ${lo(s)} and i.created_at < ${hi(s)}` })}),
			${reachCte()}
			select nullif(btrim(c.how_heard), '') as source, count(*)::int as leads,
				count(*) filter (where r.top >= 7)::int as customers,
				count(*) filter (where c.stage = 'cancelada')::int as cancelled
			from cards c join reach r on r.id = c.id
			group by 1 order by leads desc, customers desc, source nulls last`
	);
}

/** Cancellations made in the period, by reason (with how many were reopened since). */
export function cancellationsByReason(
	db: Executor,
	s: ReportScope
): Promise<{ reason: string; reasonLabel: string; cancellations: number; reopened: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)})
			select x.reason, max(x.reason_label) as "reasonLabel", count(*)::int as cancellations,
				count(*) filter (where x.reopened_at is not null)::int as reopened
			from cancellations x join cards c on c.id = x.installation_id
			where x.org_id = ${s.orgId} and x.cancelled_at >= ${lo(s)} and x.cancelled_at < ${hi(s)}
			group by x.reason order by cancellations desc, x.reason`
	);
}

/** Cancellations made in the period, by the stage the card was in. */
export function cancellationsByStage(db: Executor, s: ReportScope): Promise<{ fromStage: string; cancellations: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s)})
			select x.from_stage as "fromStage", count(*)::int as cancellations
			from cancellations x join cards c on c.id = x.installation_id
			where x.org_id = ${s.orgId} and x.cancelled_at >= ${lo(s)} and x.cancelled_at < ${hi(s)}
			group by x.from_stage`
	);
}
