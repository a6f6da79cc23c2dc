/** The retention rule's reads and deletes: identity-document images of cards cancelled long ago. */
import type { RawRunner } from './client';
import type { StoredFile } from './personal-data';

type Runner = Pick<RawRunner, 'query'>;

export interface RetentionFile extends StoredFile {
	installationId: string;
	folio: number;
}

// A card cancelled before the cancellations log existed has no cancelled_at; its stage date is when it left.
const MATCH = `f.org_id = $1 and i.stage = 'cancelada' and coalesce(i.cancelled_at, i.stage_changed_at) < $2::timestamptz
	and f.category = any($3::text[])`;

/** How many cards and files the rule would delete now. */
export async function count(
	db: Runner,
	orgId: string,
	cutoff: Date,
	categories: readonly string[]
): Promise<{ cards: number; files: number }> {
	const [row] = await db.query<{ cards: number; files: number }>(
		`select count(distinct f.installation_id)::int as cards, count(*)::int as files
		   from files f join installations i on i.id = f.installation_id where ${MATCH}`,
		[orgId, cutoff.toISOString(), categories]
	);
	return row;
}

/** Deletes the matching rows (locked, so two runs never both take one) and answers what was deleted. */
export async function deleteMatching(db: Runner, orgId: string, cutoff: Date, categories: readonly string[]): Promise<RetentionFile[]> {
	return db.query<RetentionFile>(
		`with doomed as (
			select f.id, i.folio::int as folio from files f join installations i on i.id = f.installation_id
			 where ${MATCH} for update of f skip locked
		)
		delete from files f using doomed d where f.id = d.id
		returning f.id, f.installation_id as "installationId", d.folio, f.category, f.name, f.mime,
		          f.storage_key as "storageKey", f.thumbnail_key as "thumbnailKey"`,
		[orgId, cutoff.toISOString(), categories]
	);
}

/** Providers with the rule switched on, and their settings (the service reads the days). */
export function enabledOrgs(db: Runner): Promise<{ id: string; settings: unknown }[]> {
	return db.query<{ id: string; settings: unknown }>(
		`select id, settings from organizations where (settings -> 'privacy' ->> 'retentionEnabled') = 'true' order by created_at`
	);
}
