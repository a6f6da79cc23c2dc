import type { RawRunner } from './client';

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

/** One row of card_history or stage_history, as stored (ids and raw values). */
export interface HistoryRow {
	id: string;
	kind: string;
	field: string | null;
	oldValue: unknown;
	newValue: unknown;
	source: string | null;
	userId: string | null;
	userName: string | null;
	overrideReason: string | null;
	at: string;
}

export interface HistoryQuery {
	kind?: string | null;
	userId?: string | null;
	from?: string | null;
	to?: string | null;
	limit: number;
}

/** Field changes and stage moves of one card, newest first, as one list. */
export async function listHistory(db: RawRunner, orgId: string, installationId: string, q: HistoryQuery): Promise<HistoryRow[]> {
	return db
		.query<HistoryRow>(
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

/** Names of the plans, zones and people a card's history mentions, by id (one query). */
export async function namesOf(db: Pick<RawRunner, 'query'>, orgId: string, ids: string[]): Promise<Record<string, string>> {
	if (!ids.length) return {};
	const rows = await db.query<{ id: string; name: string }>(
		`select id::text, name from plans where org_id = $1 and id = any($2::uuid[])
		 union all select id::text, name from zones where org_id = $1 and id = any($2::uuid[])
		 union all select id::text, name from users where org_id = $1 and id = any($2::uuid[])`,
		[orgId, ids]
	);
	return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
