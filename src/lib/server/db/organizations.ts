import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, run, type Executor } from './card-tx';
import type { RawRunner } from './client';

export interface OrganizationRow {
	id: string;
	name: string;
	slug: string;
	timeZone: string;
	settings: unknown;
	createdAt: Date;
}

const COLUMNS = sql`id, name, slug, time_zone as "timeZone", settings, created_at as "createdAt"`;

const withDate = <T extends { createdAt: Date | string }>(row: T | null) => (row ? { ...row, createdAt: new Date(row.createdAt) } : null);

export async function byId(db: Executor, id: string): Promise<OrganizationRow | null> {
	return withDate(await firstOf<OrganizationRow>(db, sql`select ${COLUMNS} from organizations where id = ${id}`));
}

/**
 * Locks the organization row for the rest of the transaction: the one place that serialises a
 * provider's concurrent writers (new leads' positions, zone edits, demo seeds, settings).
 */
export async function lock(db: Executor, id: string): Promise<OrganizationRow | null> {
	return withDate(await firstOf<OrganizationRow>(db, sql`select ${COLUMNS} from organizations where id = ${id} for update`));
}

/** The provider with this slug, or the first one created when no slug is given (the public form). */
export function forPublicForm(db: Executor, slug: string | null): Promise<{ id: string } | null> {
	return slug
		? firstOf(db, sql`select id from organizations where slug = ${slug}`)
		: firstOf(db, sql`select id from organizations order by created_at limit 1`);
}

/** Oldest first, as the CLIs pick a default. */
export function list(db: Executor): Promise<{ id: string; name: string; slug: string }[]> {
	return rowsOf(db, sql`select id, name, slug from organizations order by created_at, slug`);
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
	return (await firstOf(db, sql`select 1 from organizations where slug = ${slug}`)) !== null;
}

export async function insert(db: Executor, org: { name: string; slug: string; timeZone: string }): Promise<OrganizationRow> {
	return withDate(
		await firstOf<OrganizationRow>(
			db,
			sql`insert into organizations (name, slug, time_zone) values (${org.name}, ${org.slug}, ${org.timeZone}) returning ${COLUMNS}`
		)
	)!;
}

export async function update(db: Executor, id: string, patch: { settings: unknown; name?: string; timeZone?: string }): Promise<void> {
	await run(
		db,
		sql`update organizations set settings = ${JSON.stringify(patch.settings)}::text::jsonb,
				name = coalesce(${patch.name ?? null}, name), time_zone = coalesce(${patch.timeZone ?? null}, time_zone)
			where id = ${id}`
	);
}

/** Serialises first-run setup on PostgreSQL (PGlite has one connection and needs nothing). */
export async function lockFirstRun(db: Executor): Promise<void> {
	await run(db, sql`select pg_advisory_xact_lock(727275)`);
}

/**
 * The provider's raw settings (jsonb), read inside the caller's transaction; `readSettings` gives
 * them their defaults. The board's cached `orgSettings` is for reads outside a transaction.
 */
export async function settingsOf(exec: Executor, orgId: string): Promise<unknown> {
	const row = await firstOf<{ settings: unknown }>(exec, sql`select settings from organizations where id = ${orgId}`);
	return row?.settings ?? null;
}

/** The IANA time zone the provider works in (documents date themselves with it). */
export async function timeZoneOf(db: Pick<RawRunner, 'query'>, orgId: string): Promise<string | null> {
	const [row] = await db.query<{ timeZone: string }>('select time_zone as "timeZone" from organizations where id = $1', [orgId]);
	return row?.timeZone ?? null;
}

/** A provider's stored settings (JSON as saved; readSettings fills the defaults), or null. */
export async function storedSettings(db: Pick<RawRunner, 'query'>, orgId: string): Promise<unknown> {
	const [row] = await db.query<{ settings: unknown }>('select settings from organizations where id = $1', [orgId]);
	return row?.settings ?? null;
}
