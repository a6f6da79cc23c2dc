/** The throughput, agents and money reports' SQL (issue 21): who moves the cards and what was charged. */
import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, type Executor } from './card-tx';
import {
	activatedCte,
	AGENT_OF,
	cardsCte,
	cardWhere,
	furthest,
	hi,
	hours,
	joinReach,
	lo,
	localDay,
	localWeek,
	narrowed,
	round1,
	ymd,
	type ReportScope
} from './reports-common';

/** From the customer's acceptance on: a lead that reached any of these was converted (the last one: activated). */
const LATER = ['documentos_pendientes', 'agendada', 'asignada', 'firmada', 'activa'];

export interface Activations {
	/** Per week (Monday) of first activation. */
	weeks: { week: string; cards: number }[];
	zones: { zone: string | null; cards: number }[];
	/**
	 * Per technician: installations activated, the distinct days they activated on, and the average
	 * hours on site of those whose arrival («Llegué») and completion were both recorded (a completion
	 * before the arrival, from a queue replayed out of order, is no measure of the visit).
	 */
	techs: { technician: string | null; cards: number; days: number; onSite: number | null }[];
}

/** The cards first activated in the period by week, zone and technician, from one reading of them. */
export async function activations(db: Executor, s: ReportScope): Promise<Activations> {
	const row = await firstOf<Activations>(
		db,
		sql`with cards as (${cardsCte(s)}), ${activatedCte(s)},
			weeks as (select ${ymd(localWeek(s, sql`at`))} as week, count(*)::int as cards from act group by 1),
			zones as (
				select z.name as zone, count(*)::int as cards from act a left join zones z on z.id = a.zone_id group by z.name
			),
			techs as (
				select u.name as technician, count(*)::int as cards, count(distinct ${localDay(s, sql`a.at`)})::int as days,
					${round1(sql`avg(${hours(sql`a.completed_at - a.arrived_at`)}) filter (where a.completed_at >= a.arrived_at)`)} as "onSite"
				from act a left join users u on u.id = a.technician_id
				group by a.technician_id, u.name
			)
			select coalesce((select json_agg(w order by w.week) from weeks w), '[]') as weeks,
				coalesce((select json_agg(z order by z.cards desc, z.zone nulls last) from zones z), '[]') as zones,
				coalesce((select json_agg(t order by t.cards desc, t.technician nulls last) from techs t), '[]') as techs`
	);
	return row!;
}

export interface AgentRow {
	userId: string;
	name: string;
	calls: number;
	reached: number;
	leads: number;
	converted: number;
	activated: number;
	firstCallP50: number | null;
}

/**
 * Per agent (every active agent, and anyone else who called or owns leads in the period): calls made
 * and reached in the period, leads entered in the period that are theirs (AGENT_OF), how many of
 * those reached documentos_pendientes (accepted) and activa, and the median hours from a lead's
 * entry to its first call, for the leads they called first.
 */
export function agents(db: Executor, s: ReportScope, reachedOutcomes: readonly string[]): Promise<AgentRow[]> {
	const reached = sql`${`{${reachedOutcomes.join(',')}}`}::text[]`;
	const agentCall = s.filters.agente ? sql` and lc.user_id = ${s.filters.agente}` : sql``;
	return rowsOf(
		db,
		// The cards are read from their indexes (entered in the period; the called ones one by one), not
		// as a CTE of every card of the organisation.
		sql`with since as materialized (
				select lc.installation_id, lc.user_id, lc.outcome, lc.created_at, lc.id from lead_calls lc
				where lc.org_id = ${s.orgId} and lc.created_at >= ${lo(s)}
			),
			calls as (
				select lc.user_id, count(*)::int as calls, count(*) filter (where lc.outcome = any(${reached}))::int as reached
				from since lc${narrowed(s) ? sql` join installations i on i.id = lc.installation_id and ${cardWhere(s, { agent: false })}` : sql``}
				where lc.created_at < ${hi(s)} and lc.user_id is not null${agentCall}
				group by lc.user_id
			),
			fresh as materialized (
				select i.id, i.stage, i.created_at, ${AGENT_OF('i')} as agent_id from installations i
				where ${cardWhere(s, { agent: false })} and i.created_at >= ${lo(s)} and i.created_at < ${hi(s)}
			),
			tops as materialized (select f.id, f.agent_id, ${furthest(LATER, 'f')} as top from fresh f ${joinReach('f')}),
			leads as (
				select t.agent_id as user_id, count(*)::int as leads, count(*) filter (where t.top >= 1)::int as converted,
					count(*) filter (where t.top = 5)::int as activated
				from tops t
				where t.agent_id is not null${s.filters.agente ? sql` and t.agent_id = ${s.filters.agente}` : sql``}
				group by t.agent_id
			),
			firsts as (
				select distinct on (lc.installation_id) lc.user_id, ${hours(sql`lc.created_at - f.created_at`)} as h
				from since lc join fresh f on f.id = lc.installation_id
				order by lc.installation_id, lc.created_at, lc.id
			),
			first_call as (
				select user_id, ${round1(sql`percentile_cont(0.5) within group (order by h)`)} as p50 from firsts
				where user_id is not null${s.filters.agente ? sql` and user_id = ${s.filters.agente}` : sql``} group by user_id
			),
			people as (
				select id as user_id from users where org_id = ${s.orgId} and role = 'agent' and active${s.filters.agente ? sql` and id = ${s.filters.agente}` : sql``}
				union select user_id from calls union select user_id from leads union select user_id from first_call
			)
			select p.user_id as "userId", u.name, coalesce(k.calls, 0) as calls, coalesce(k.reached, 0) as reached,
				coalesce(l.leads, 0) as leads, coalesce(l.converted, 0) as converted, coalesce(l.activated, 0) as activated, fc.p50 as "firstCallP50"
			from people p join users u on u.id = p.user_id and u.org_id = ${s.orgId}
			left join calls k on k.user_id = p.user_id left join leads l on l.user_id = p.user_id left join first_call fc on fc.user_id = p.user_id
			order by calls desc, leads desc, u.name`
	);
}

/**
 * Per week (Monday) of the installation date, for cards not cancelled that have a first charge
 * computed: the first charge quoted, paid by the end of the installation day, paid in all (standing
 * payments), and still pending.
 */
export function money(
	db: Executor,
	s: ReportScope
): Promise<{ week: string; cards: number; quoted: number; paidAtInstall: number; paid: number; pending: number }[]> {
	return rowsOf(
		db,
		sql`with cards as (${cardsCte(s, { extra: sql`i.stage <> 'cancelada' and i.billing is not null and i.installation_date between ${s.filters.desde}::date and ${s.filters.hasta}::date` })}),
			per_card as (
				select i.installation_date as day, coalesce((i.billing->'charge'->>'totalCents')::bigint, 0) as quoted,
					coalesce(sum(p.amount_cents), 0) as paid,
					coalesce(sum(p.amount_cents) filter (where ${localDay(s, sql`p.received_at`)} <= i.installation_date), 0) as at_install
				from cards c join installations i on i.id = c.id
				left join payments p on p.org_id = ${s.orgId} and p.installation_id = c.id and p.voided_at is null
				group by i.id, i.installation_date, i.billing
			)
			select ${ymd(sql`date_trunc('week', day)::date`)} as week, count(*)::int as cards, sum(quoted)::float8 as quoted,
				sum(at_install)::float8 as "paidAtInstall", sum(paid)::float8 as paid, sum(greatest(quoted - paid, 0))::float8 as pending
			from per_card group by 1 order by 1`
	);
}
