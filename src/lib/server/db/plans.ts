import { sql, type SQL } from 'drizzle-orm';
import { firstOf, rowsOf, type Executor } from './card-tx';
import type { PlanKind } from '$lib/domain/addon-kinds';

/** `(a, b, c)` as parameters: the sql template would otherwise spread an array value itself, unparenthesised per driver. */
const listOf = (values: readonly string[]): SQL =>
	sql`(${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)})`;

/** A plan as the catalog admin edits it. */
export interface PlanRow {
	id: string;
	kind: PlanKind;
	name: string;
	speedMbps: number | null;
	priceCents: number;
	routerosProfile: string | null;
	usageTier: string | null;
	description: string | null;
	active: boolean;
}

export function list(db: Executor, orgId: string): Promise<PlanRow[]> {
	return rowsOf<PlanRow>(
		db,
		sql`select id, kind, name, speed_mbps as "speedMbps", price_cents as "priceCents", routeros_profile as "routerosProfile",
			usage_tier as "usageTier", description, active from plans where org_id = ${orgId} order by kind, sort_order, name`
	);
}

export interface PlanWrite {
	kind: PlanKind;
	name: string;
	speedMbps: number | null;
	priceCents: number;
	routerosProfile: string | null;
	usageTier: string | null;
	description: string | null;
}

/** Null when the plan is not the organization's. */
export function update(db: Executor, orgId: string, id: string, p: PlanWrite & { active: boolean }): Promise<{ id: string } | null> {
	return firstOf(
		db,
		sql`update plans set kind = ${p.kind}, name = ${p.name}, speed_mbps = ${p.speedMbps}, price_cents = ${p.priceCents},
			routeros_profile = ${p.routerosProfile}, usage_tier = ${p.usageTier}, description = ${p.description}, active = ${p.active}
			where org_id = ${orgId} and id = ${id} returning id`
	);
}

/** A new plan goes last in the organization's order, active. */
export function insert(db: Executor, orgId: string, p: PlanWrite): Promise<{ id: string } | null> {
	return firstOf(
		db,
		sql`insert into plans (org_id, kind, name, speed_mbps, price_cents, routeros_profile, usage_tier, description, active, sort_order)
			values (${orgId}, ${p.kind}, ${p.name}, ${p.speedMbps}, ${p.priceCents}, ${p.routerosProfile}, ${p.usageTier},
				${p.description}, true, (select coalesce(max(sort_order), 0) + 1 from plans where org_id = ${orgId}))
			returning id`
	);
}

/** The first active plan of a kind in the organization's order: what a new add-on starts with. */
export async function firstActiveOf(db: Executor, orgId: string, kind: string): Promise<string | null> {
	const row = await firstOf<{ id: string }>(
		db,
		sql`select id from plans where org_id = ${orgId} and kind = ${kind} and active order by sort_order, name limit 1`
	);
	return row?.id ?? null;
}

export async function isOfKind(db: Executor, orgId: string, id: string, kind: string): Promise<boolean> {
	return (await firstOf(db, sql`select 1 from plans where org_id = ${orgId} and id = ${id} and kind = ${kind}`)) !== null;
}

/** How many of these ids are active plans of one of these kinds. */
export async function countActive(db: Executor, orgId: string, ids: readonly string[], kinds: readonly string[]): Promise<number> {
	if (!ids.length || !kinds.length) return 0;
	const row = await firstOf<{ n: number }>(
		db,
		sql`select count(*)::int as n from plans where org_id = ${orgId} and id in ${listOf(ids)} and kind in ${listOf(kinds)} and active`
	);
	return row?.n ?? 0;
}

/** Active plans of these kinds, for the add-on pickers. */
export function activeOf(
	db: Executor,
	orgId: string,
	kinds: readonly string[]
): Promise<{ id: string; kind: string; name: string; priceCents: number }[]> {
	return rowsOf(
		db,
		sql`select id, kind, name, price_cents as "priceCents" from plans where org_id = ${orgId} and active
			and kind in ${listOf(kinds)} order by sort_order, name`
	);
}

/** The kind of each of these plans of the organization. */
export function kindsOf(db: Executor, orgId: string, ids: readonly string[]): Promise<{ id: string; kind: string }[]> {
	if (!ids.length) return Promise.resolve([]);
	return rowsOf(db, sql`select id, kind from plans where org_id = ${orgId} and id in ${listOf(ids)} order by sort_order, name`);
}
