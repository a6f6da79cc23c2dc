import type { RawRunner } from './client';
import type { HistoryEntry } from '$lib/types/card';

export interface CardHistoryInsert {
	orgId: string;
	installationId: string;
	userId: string | null;
	kind: 'field' | 'stage' | 'file' | 'signature' | 'checklist' | 'document' | 'service';
	field?: string | null;
	oldValue?: unknown;
	newValue?: unknown;
	source: string;
}

// jsonb params go in as text: postgres.js would JSON-encode a string a second time otherwise.
const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export async function insertCardHistory(db: RawRunner, row: CardHistoryInsert): Promise<void> {
	await db.query(
		`insert into card_history (org_id, installation_id, user_id, kind, field, old_value, new_value, source)
		 values ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8)`,
		[row.orgId, row.installationId, row.userId, row.kind, row.field ?? null, json(row.oldValue), json(row.newValue), row.source]
	);
}

export async function insertStageHistory(
	db: RawRunner,
	row: { orgId: string; installationId: string; from: string | null; to: string; userId: string | null; overrideReason?: string | null }
): Promise<void> {
	await db.query(
		`insert into stage_history (org_id, installation_id, from_stage, to_stage, user_id, override_reason)
		 values ($1, $2, $3, $4, $5, $6)`,
		[row.orgId, row.installationId, row.from, row.to, row.userId, row.overrideReason ?? null]
	);
}

export type { HistoryEntry };

export interface HistoryQuery {
	kind?: string | null;
	userId?: string | null;
	from?: string | null;
	to?: string | null;
	limit: number;
}

/** Field changes and stage moves of one card, newest first, as one list. */
export async function listHistory(db: RawRunner, orgId: string, installationId: string, q: HistoryQuery): Promise<HistoryEntry[]> {
	return db
		.query<HistoryEntry>(
			`select * from (
			select 'c' || h.id as id, h.kind, h.field, h.old_value as "oldValue", h.new_value as "newValue", h.source,
				h.user_id as "userId", u.name as "userName", null::text as "overrideReason", h.created_at
			from card_history h left join users u on u.id = h.user_id
			where h.org_id = $1 and h.installation_id = $2
			union all
			select 's' || s.id, 'stage', null, to_jsonb(s.from_stage), to_jsonb(s.to_stage), null,
				s.user_id, u.name, s.override_reason, s.created_at
			from stage_history s left join users u on u.id = s.user_id
			where s.org_id = $1 and s.installation_id = $2
		) h
		where ($3::text is null or h.kind = $3)
			and ($4::uuid is null or h."userId" = $4)
			and ($5::date is null or h.created_at >= $5::date)
			and ($6::date is null or h.created_at < $6::date + 1)
		order by h.created_at desc, h.id desc
		limit $7`,
			[orgId, installationId, q.kind ?? null, q.userId ?? null, q.from ?? null, q.to ?? null, q.limit]
		)
		.then((rows) =>
			rows.map((r) => {
				const at = (r as unknown as { created_at: Date | string }).created_at;
				return { ...r, at: at instanceof Date ? at.toISOString() : new Date(at).toISOString() };
			})
		);
}
