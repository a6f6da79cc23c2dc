import type { Database } from '$lib/server/db';

/** Writes one stage_history row as an import or a backfill would (its own time, any order): the triggers do the rest. */
export const insertMove = (db: Database, orgId: string, cardId: string, from: string | null, to: string, at: string) =>
	db.query(`insert into stage_history (org_id, installation_id, from_stage, to_stage, created_at) values ($1, $2, $3, $4, $5)`, [
		orgId,
		cardId,
		from,
		to,
		at
	]);
