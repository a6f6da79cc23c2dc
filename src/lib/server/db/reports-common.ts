/**
 * What every report query shares (issue 21): the organisation's cards narrowed by the report's
 * filters, the period's bounds in the organisation's time zone, and every stay of a card in a stage
 * (from stage_history; a card without its creation row starts in its first `from_stage` at created_at).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ReportFilters } from '$lib/types/reports';
import { OPEN_STAGES } from '$lib/domain/stage-registry';

export interface ReportScope {
	orgId: string;
	timeZone: string;
	filters: ReportFilters;
}

/** The funnel's stages in order (preinstalación … activa) as a SQL text[] literal. */
export const FLOW_STAGES = sql`${`{${OPEN_STAGES.join(',')}}`}::text[]`;

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
		${AGENT_OF('i')} as agent_id from installations i where ${cardWhere(s, opts)}${extra}`;
}

/**
 * `moves` and `stays` CTEs (after a `cards` CTE): each stay of a filtered card in a stage, with
 * `entered` and `exited` (null while the card is still there).
 */
export function staysCtes(s: ReportScope): SQL {
	return sql`moves as (
			select sh.installation_id as id, sh.to_stage as stage, sh.created_at as at, sh.id as ord
			from stage_history sh join cards c on c.id = sh.installation_id where sh.org_id = ${s.orgId}
			union all
			select c.id, coalesce((select f.from_stage from stage_history f where f.org_id = ${s.orgId} and f.installation_id = c.id
				order by f.created_at, f.id limit 1), c.stage), c.created_at, 0
			from cards c where not exists (select 1 from stage_history n where n.org_id = ${s.orgId} and n.installation_id = c.id and n.from_stage is null)
		),
		stays as (
			select id, stage, at as entered, lead(at) over (partition by id order by at, ord) as exited from moves
		)`;
}

/** `reach` CTE (after `cards`): the furthest stage of the flow each card ever reached (1 = preinstalación … 7 = activa; 0 none). */
export function reachCte(s: ReportScope): SQL {
	return sql`reach as (
			select c.id, greatest(coalesce(array_position(${FLOW_STAGES}, c.stage), 0),
				coalesce(max(array_position(${FLOW_STAGES}, sh.to_stage)), 0)) as top
			from cards c left join stage_history sh on sh.org_id = ${s.orgId} and sh.installation_id = c.id
			group by c.id, c.stage
		)`;
}
