/**
 * What every report query shares (issue 21): the organisation's cards narrowed by the report's
 * filters, the period's bounds in the organisation's time zone, and the stays of a card in a stage
 * (a move in stage_history ends a stay in its `from_stage`, begun at its stored `entered_at`; a card's
 * current stay began at its `stage_changed_at`).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ReportFilters } from '$lib/types/reports';
import { OPEN_STAGES } from '$lib/domain/stage-registry';
import type { Database } from './client';
import type { Executor } from './card-tx';

export interface ReportScope {
	orgId: string;
	timeZone: string;
	filters: ReportFilters;
}

/** Start of `desde` and of the day after `hasta`, as timestamptz in the organisation's zone. */
export const lo = (s: ReportScope): SQL => sql`(${s.filters.desde}::date::timestamp at time zone ${s.timeZone}::text)`;
export const hi = (s: ReportScope): SQL => sql`((${s.filters.hasta}::date + 1)::timestamp at time zone ${s.timeZone}::text)`;

/** A timestamptz as the organisation's calendar day / the Monday of its week. */
export const localDay = (s: ReportScope, ts: SQL): SQL => sql`(${ts} at time zone ${s.timeZone}::text)::date`;
export const localWeek = (s: ReportScope, ts: SQL): SQL => sql`date_trunc('week', ${ts} at time zone ${s.timeZone}::text)::date`;
export const ymd = (d: SQL): SQL => sql`to_char(${d}, 'YYYY-MM-DD')`;
export const hours = (interval: SQL): SQL => sql`(extract(epoch from ${interval}) / 3600.0)::float8`;
/** Hours rounded to one place (null stays null). */
export const round1 = (v: SQL): SQL => sql`round((${v})::numeric, 1)::float8`;

/**
 * The card's agent: who confirmed its coverage on the call, else who captured it. The `agente`
 * filter and the agents report read it.
 */
export const AGENT_OF = (alias: string): SQL => sql.raw(`coalesce(${alias}.coverage_confirmed_by, ${alias}.created_by)`);

/** Conditions on `installations i` for the organisation and the zone/agent/technician filters. */
export function cardWhere(s: ReportScope, opts: { agent?: boolean } = {}): SQL {
	const parts: SQL[] = [sql`i.org_id = ${s.orgId}`];
	if (s.filters.zona) parts.push(sql`i.zone_id = ${s.filters.zona}`);
	if (s.filters.tecnico) parts.push(sql`i.technician_id = ${s.filters.tecnico}`);
	if (s.filters.agente && opts.agent !== false) parts.push(sql`${AGENT_OF('i')} = ${s.filters.agente}`);
	return sql.join(parts, sql` and `);
}

/** `cards` CTE body: the filtered cards with the columns the reports read. */
export function cardsCte(s: ReportScope, opts: { agent?: boolean; extra?: SQL } = {}): SQL {
	const extra = opts.extra ? sql` and ${opts.extra}` : sql``;
	return sql`select i.id, i.stage, i.zone_id, i.technician_id, i.created_at, i.stage_changed_at, i.how_heard,
		i.arrived_at, i.completed_at, ${AGENT_OF('i')} as agent_id from installations i where ${cardWhere(s, opts)}${extra}`;
}

/** Whether a zone, technician or agent filter narrows the cards (else every card of the organisation counts). */
export const narrowed = (s: ReportScope): boolean => Boolean(s.filters.zona || s.filters.tecnico || s.filters.agente);

/**
 * The finished stays of the `cards` CTE's cards, one per move (the move ends a stay in its
 * `from_stage`, which began at its stored `entered_at` and lasted `stay_hours`), as a subquery the
 * planner can narrow by `entered` or `exited` through the history's indexes. Unfiltered, every move
 * of the organisation is one of its cards', so the join is left out and the indexes alone answer.
 */
export const closedStays = (s: ReportScope): SQL =>
	narrowed(s)
		? sql`(select sh.from_stage as stage, sh.entered_at as entered, sh.created_at as exited, sh.stay_hours as h
			from stage_history sh join cards c on c.id = sh.installation_id
			where sh.org_id = ${s.orgId} and sh.from_stage is not null)`
		: sql`(select sh.from_stage as stage, sh.entered_at as entered, sh.created_at as exited, sh.stay_hours as h
			from stage_history sh where sh.org_id = ${s.orgId} and sh.from_stage is not null)`;

/**
 * The stay each card of the `cards` CTE is in now: its stage since its last move (or creation).
 * Unfiltered, read from the cards' index on that time rather than the CTE of every card.
 */
export const openStays = (s: ReportScope): SQL =>
	narrowed(s)
		? sql`(select c.stage, c.stage_changed_at as entered from cards c)`
		: sql`(select i.stage, i.stage_changed_at as entered from installations i where i.org_id = ${s.orgId})`;

/**
 * The furthest of `stages` the card `alias` ever reached, as its 1-based position in the list (0
 * none): among the stages it ever moved into (card_reach, kept from its history) and the one it is in.
 * Written as a CASE from the furthest down, so a card costs a few array tests.
 */
export function furthest(stages: readonly string[], alias: string): SQL {
	const whens = stages
		.map(
			(stage, i) =>
				sql`when ${sql.raw(alias)}.stage = ${stage} or ${stage} = any(${sql.raw(`${alias}_r.stages`)}) then ${sql.raw(String(i + 1))}`
		)
		.reverse();
	return sql`(case ${sql.join(whens, sql` `)} else 0 end)`;
}

/** Joins card_reach to the card `alias`, for `furthest`. */
export const joinReach = (alias: string): SQL => sql.raw(`left join card_reach ${alias}_r on ${alias}_r.installation_id = ${alias}.id`);

/** `reach` CTE (after `cards`): the furthest stage of the flow each card ever reached (1 = preinstalación … 7 = activa; 0 none). */
export function reachCte(): SQL {
	return sql`reach as materialized (select c.id, ${furthest(OPEN_STAGES, 'c')} as top from cards c ${joinReach('c')})`;
}

/**
 * `act` CTE (after `cards`): cards that first entered activa in the period, with when, and when
 * they first entered preinstalación (`pre`, null if never); a card activated before and again now,
 * after a reopening, counts in its first period only.
 */
export function activatedCte(s: ReportScope): SQL {
	return sql`act as (
			select c.id, c.zone_id, c.technician_id, c.created_at, c.arrived_at, c.completed_at, r.first_activa_at as at,
				r.first_preinstalacion_at as pre
			from card_reach r join cards c on c.id = r.installation_id
			where r.org_id = ${s.orgId} and r.first_activa_at >= ${lo(s)} and r.first_activa_at < ${hi(s)}
		)`;
}

/**
 * Runs a report's queries with PostgreSQL's JIT off. A report over two years joins tens of
 * thousands of rows through CTEs whose sizes the planner cannot see; it guesses millions, and
 * compiling the plan then took 0.8 s of a query that runs in 0.25 s (agentes, 2 años). `set local`
 * holds for this transaction only, so it works through a transaction pooler too. PGlite has no JIT.
 */
export function withoutJit<T>(db: Database, run: (exec: Executor) => Promise<T>): Promise<T> {
	if (db.driver !== 'postgres') return run(db.orm);
	return db.begin(async (tx) => {
		await tx.exec('set local jit = off');
		return run(tx);
	});
}
