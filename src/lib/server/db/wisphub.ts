import type { RawRunner } from './client';
import type { LocalOption, MappingKind, MappingRow } from '$lib/types/wisphub';

export type { LocalOption, MappingKind, MappingRow };

type Runner = Pick<RawRunner, 'query'>;

/** The stored connection; the key only sealed (secret-box.ts), never in clear. */
export interface ConnectionRow {
	enabled: boolean;
	baseUrl: string | null;
	apiKeySealed: string | null;
	apiKeyLast4: string | null;
	triggerStage: string;
	updatedAt: string;
}

export async function connectionOf(db: Runner, orgId: string): Promise<ConnectionRow | null> {
	const [row] = await db.query<ConnectionRow>(
		`select enabled, base_url as "baseUrl", api_key_sealed as "apiKeySealed", api_key_last4 as "apiKeyLast4",
		        trigger_stage as "triggerStage", updated_at::text as "updatedAt"
		   from wisphub_connections where org_id = $1`,
		[orgId]
	);
	return row ?? null;
}

/** `apiKey` undefined keeps the stored one. */
export async function saveConnection(
	db: Runner,
	orgId: string,
	c: { enabled: boolean; baseUrl: string | null; apiKey?: { sealed: string; last4: string }; triggerStage: string; userId: string }
): Promise<void> {
	await db.query(
		`insert into wisphub_connections (org_id, enabled, base_url, api_key_sealed, api_key_last4, trigger_stage, updated_by)
		 values ($1, $2, $3, $4, $5, $6, $7)
		 on conflict (org_id) do update set enabled = excluded.enabled, base_url = excluded.base_url,
		   api_key_sealed = coalesce($4, wisphub_connections.api_key_sealed),
		   api_key_last4 = coalesce($5, wisphub_connections.api_key_last4),
		   trigger_stage = excluded.trigger_stage, updated_by = excluded.updated_by, updated_at = now()`,
		[orgId, c.enabled, c.baseUrl, c.apiKey?.sealed ?? null, c.apiKey?.last4 ?? null, c.triggerStage, c.userId]
	);
}

/** Providers with the sync switched on (the worker's round). */
export async function enabledOrgs(db: Runner): Promise<string[]> {
	const rows = await db.query<{ orgId: string }>(`select org_id as "orgId" from wisphub_connections where enabled`);
	return rows.map((r) => r.orgId);
}

export async function mappings(db: Runner, orgId: string): Promise<MappingRow[]> {
	return db.query<MappingRow>(
		`select kind, remote_id as "remoteId", remote_name as "remoteName", local_id as "localId", confirmed
		   from wisphub_mappings where org_id = $1 order by kind, remote_name`,
		[orgId]
	);
}

/** Inserts new remote items with their suggestion; renames known ones; keeps what the admin confirmed. */
export async function upsertImported(
	db: Runner,
	orgId: string,
	items: { kind: MappingKind; remoteId: string; remoteName: string; suggestion: string | null }[]
): Promise<{ added: number; renamed: number }> {
	let added = 0;
	let renamed = 0;
	for (const i of items) {
		const [row] = await db.query<{ inserted: boolean; renamed: boolean }>(
			`with old as (select remote_name from wisphub_mappings where org_id = $1 and kind = $2 and remote_id = $3)
			 insert into wisphub_mappings (org_id, kind, remote_id, remote_name, local_id)
			 values ($1, $2, $3, $4, $5)
			 on conflict (org_id, kind, remote_id) do update set remote_name = excluded.remote_name, imported_at = now(),
			   local_id = case when wisphub_mappings.confirmed then wisphub_mappings.local_id else coalesce(wisphub_mappings.local_id, excluded.local_id) end
			 returning (select count(*) = 0 from old) as inserted, coalesce((select remote_name from old) <> $4, false) as renamed`,
			[orgId, i.kind, i.remoteId, i.remoteName, i.suggestion]
		);
		if (row.inserted) added++;
		else if (row.renamed) renamed++;
	}
	return { added, renamed };
}

/** The admin's choice; false when that remote item was never imported. */
export async function confirm(db: Runner, orgId: string, kind: MappingKind, remoteId: string, localId: string | null): Promise<boolean> {
	const rows = await db.query(
		`update wisphub_mappings set local_id = $4::uuid, confirmed = $4::uuid is not null
		  where org_id = $1 and kind = $2 and remote_id = $3 returning 1`,
		[orgId, kind, remoteId, localId]
	);
	return rows.length > 0;
}

/** Whether `localId` is one of the provider's zones / plans / technicians. */
export async function localExists(db: Runner, orgId: string, kind: MappingKind, localId: string): Promise<boolean> {
	const table = { zona: 'zones', plan: 'plans', tecnico: 'users' }[kind];
	const extra = kind === 'tecnico' ? ` and role = 'technician'` : '';
	const rows = await db.query(`select 1 from ${table} where org_id = $1 and id = $2${extra}`, [orgId, localId]);
	return rows.length > 0;
}

/** The board's own zones, internet plans and technicians, to map WispHub's onto. */
export async function localOptions(db: Runner, orgId: string): Promise<Record<MappingKind, LocalOption[]>> {
	const rows = await db.query<LocalOption & { kind: MappingKind }>(
		`select 'zona' as kind, id, name from zones where org_id = $1
		 union all select 'plan', id, name from plans where org_id = $1 and kind = 'internet' and active
		 union all select 'tecnico', id, name from users where org_id = $1 and role = 'technician' and active
		 order by 1, 3`,
		[orgId]
	);
	const out: Record<MappingKind, LocalOption[]> = { zona: [], plan: [], tecnico: [] };
	for (const { kind, ...o } of rows) out[kind].push(o);
	return out;
}

/** Confirmed mappings as board id → WispHub id, per kind (what the payload uses). */
export async function confirmedMap(db: Runner, orgId: string): Promise<Record<MappingKind, Map<string, string>>> {
	const rows = await db.query<{ kind: MappingKind; localId: string; remoteId: string }>(
		`select kind, local_id as "localId", remote_id as "remoteId" from wisphub_mappings where org_id = $1 and confirmed and local_id is not null`,
		[orgId]
	);
	const out: Record<MappingKind, Map<string, string>> = { zona: new Map(), plan: new Map(), tecnico: new Map() };
	for (const r of rows) out[r.kind].set(r.localId, r.remoteId);
	return out;
}
