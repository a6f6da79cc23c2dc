import type { RawRunner } from './client';

type Runner = Pick<RawRunner, 'query'>;

/**
 * Moves every file of the newer card to the older one. A file of a one-per-card category (an INE,
 * a signed PDF) that the older card already has stays on record, marked as replaced by the older
 * card's own: the kept card's documents win. Returns how many files moved.
 */
export async function moveFiles(db: Runner, orgId: string, fromId: string, toId: string, singleCategories: string[]): Promise<number> {
	const rows = await db.query(
		`update files f set installation_id = $3,
			superseded_at = coalesce(f.superseded_at, case when kept.id is not null then now() end),
			superseded_by = coalesce(f.superseded_by, kept.id)
		from files f0
		left join lateral (
			select k.id from files k
			where k.installation_id = $3 and k.category = f0.category and k.superseded_at is null and k.category = any($4::text[])
			order by k.created_at desc limit 1
		) kept on f0.superseded_at is null
		where f.id = f0.id and f.org_id = $1 and f.installation_id = $2
		returning f.id`,
		[orgId, fromId, toId, singleCategories]
	);
	return rows.length;
}

/**
 * Moves the newer card's activity log (field changes, files, checklist, documents…) to the older
 * card, each entry marked with the folio it came from. Its stage moves stay with it (they are that
 * card's own path to «cancelada»), and so do its duplicate notices (about itself, they would read
 * as «#43 may duplicate #43» on the kept card). Returns how many entries moved.
 */
export async function moveHistory(db: Runner, orgId: string, fromId: string, toId: string, fromFolio: number): Promise<number> {
	const rows = await db.query(
		`update card_history set installation_id = $3, source = coalesce(source || ' ', '') || $4
		 where org_id = $1 and installation_id = $2 and field is distinct from 'duplicado' returning id`,
		[orgId, fromId, toId, `(de #${fromFolio})`]
	);
	return rows.length;
}
