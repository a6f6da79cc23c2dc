/**
 * What the database holds about one customer (one installation), read for an ARCO export and
 * cleared for an erasure. Table and column names come from the fixed registry in
 * domain/arco.ts, never from input, so interpolating them is safe.
 */
import type { RawRunner } from './client';
import { ERASED_NAME, INSTALLATION_TABLES, PERSONAL_COLUMNS, PERSONAL_HISTORY_FIELDS, REDACTED } from '$lib/domain/arco';

type Runner = Pick<RawRunner, 'query'>;

export interface StoredFile {
	id: string;
	category: string;
	name: string;
	mime: string;
	storageKey: string;
	thumbnailKey: string | null;
}

const textArray = (items: readonly string[]) => `array[${items.map((i) => `'${i}'`).join(', ')}]::text[]`;

const related = INSTALLATION_TABLES.map(({ table, keys, order, omit }) => {
	const where = keys.map((k) => `t.${k} = i.id`).join(' or ');
	return `'${table}', (select coalesce(jsonb_agg(to_jsonb(t) - ${textArray(omit)} order by t.${order}), '[]'::jsonb)
		from ${table} t where t.org_id = i.org_id and (${where}))`;
}).join(',\n');

/** The card's row, the names of its plan and zone, and every related table's rows; null when not the organisation's. */
export async function exportOf(
	db: Runner,
	orgId: string,
	id: string
): Promise<{ installation: Record<string, unknown>; related: Record<string, unknown[]> } | null> {
	const [row] = await db.query<{ installation: Record<string, unknown>; related: Record<string, unknown[]> }>(
		`select to_jsonb(i) || jsonb_build_object('plan_name', p.name, 'zone_name', z.name) as installation,
		        jsonb_build_object(${related}) as related
		   from installations i left join plans p on p.id = i.plan_id left join zones z on z.id = i.zone_id
		  where i.org_id = $1 and i.id = $2`,
		[orgId, id]
	);
	return row ?? null;
}

const FILE_COLUMNS = `id, category, name, mime, storage_key as "storageKey", thumbnail_key as "thumbnailKey"`;

/** Every file of the card, superseded ones included (they are the customer's too). */
export function filesOf(db: Runner, orgId: string, id: string): Promise<StoredFile[]> {
	return db.query<StoredFile>(`select ${FILE_COLUMNS} from files where org_id = $1 and installation_id = $2 order by created_at, id`, [
		orgId,
		id
	]);
}

/** Deletes the card's files rows (all, or of the given categories) and answers their storage keys. */
export async function deleteFiles(db: Runner, orgId: string, id: string, categories: readonly string[] | null): Promise<StoredFile[]> {
	return db.query<StoredFile>(
		`delete from files where org_id = $1 and installation_id = $2 and ($3::text[] is null or category = any($3::text[]))
		 returning ${FILE_COLUMNS}`,
		[orgId, id, categories]
	);
}

export interface LockedCustomer {
	id: string;
	folio: number;
	stage: string;
}

export async function lockCustomer(db: Runner, orgId: string, id: string): Promise<LockedCustomer | null> {
	const [row] = await db.query<LockedCustomer>(
		`select id, folio::int as folio, stage from installations where org_id = $1 and id = $2 for update`,
		[orgId, id]
	);
	return row ?? null;
}

/**
 * Replaces the person's name and clears their contact, address, location, IDs, own passwords and
 * notes. A plain UPDATE of the card, so its triggers bump the version and broadcast the change.
 */
export async function anonymiseCard(db: Runner, id: string): Promise<void> {
	await db.query(`update installations set full_name = $2, ${PERSONAL_COLUMNS.map((c) => `${c} = null`).join(', ')} where id = $1`, [
		id,
		ERASED_NAME
	]);
}

/** History, messages, calls, signatures and notices that quote the person; numbers and dates stay. */
export async function scrubRelated(db: Runner, orgId: string, id: string): Promise<void> {
	const redacted = JSON.stringify(REDACTED);
	const params = [orgId, id, redacted];
	const scrub = (col: string) => `case when ${col} is null or ${col} = 'null'::jsonb then ${col} else $3::text::jsonb end`;
	await db.query(
		`update card_history set old_value = ${scrub('old_value')}, new_value = ${scrub('new_value')}
		  where org_id = $1 and installation_id = $2
		    and ((kind = 'field' and field = any(${textArray(PERSONAL_HISTORY_FIELDS)})) or kind = 'message'
		         or (kind = 'call' and field = 'nota'))`,
		params
	);
	// Coordinates in a coverage change, a signer's name, the free-text name of an «otro» file.
	await db.query(
		`update card_history set old_value = case when jsonb_typeof(old_value) = 'object' then old_value - 'lat' - 'lng' else old_value end,
		                         new_value = case when jsonb_typeof(new_value) = 'object' then new_value - 'lat' - 'lng' else new_value end
		  where org_id = $1 and installation_id = $2 and kind = 'field' and field = 'coverage'`,
		[orgId, id]
	);
	await db.query(
		`update card_history set new_value = new_value || jsonb_build_object(case when kind = 'signature' then 'signer' else 'name' end, $3::text)
		  where org_id = $1 and installation_id = $2 and kind in ('signature', 'file') and jsonb_typeof(new_value) = 'object'`,
		[orgId, id, REDACTED]
	);
	// A message still queued is never sent: there is nobody to send it to any more.
	await db.query(
		`update customer_messages set body = $3, phone = '', error = null, next_attempt_at = null,
		        status = case when status = 'en_cola' then 'fallido' else status end
		  where org_id = $1 and installation_id = $2`,
		[orgId, id, REDACTED]
	);
	await db.query(`update lead_calls set note = null where org_id = $1 and installation_id = $2`, [orgId, id]);
	await db.query(`update cancellations set note = null where org_id = $1 and installation_id = $2`, [orgId, id]);
	await db.query(
		`update signatures set signer_name = $3, image_png = '', ip = null, user_agent = null where org_id = $1 and installation_id = $2`,
		[orgId, id, ERASED_NAME]
	);
	await db.query(`update documents set data = '{}'::jsonb where org_id = $1 and installation_id = $2`, [orgId, id]);
	await db.query(
		`update notifications set data = data || jsonb_build_object('customer', $3::text)
		  where org_id = $1 and installation_id = $2 and data ? 'customer'`,
		[orgId, id, ERASED_NAME]
	);
	await db.query(
		`update wisphub_jobs set payload = null, response = null
		  where org_id = $1 and installation_id = $2 and state not in ('pendiente', 'enviando')`,
		[orgId, id]
	);
	await db.query(
		`update signing_links set revoked_at = now() where org_id = $1 and installation_id = $2 and used_at is null and revoked_at is null`,
		[orgId, id]
	);
	await db.query(`delete from call_claims where org_id = $1 and installation_id = $2`, [orgId, id]);
	// The phone's replay answers may quote what the technician typed (the INE number among them).
	await db.query(`delete from applied_actions where org_id = $1 and installation_id = $2`, [orgId, id]);
}

/**
 * The board's event log keeps each change's patch for reconnecting clients: the personal values
 * in the card's older patches become the card's current (erased) ones, so a catch-up replays
 * no personal data and still ends on the right card.
 */
export async function scrubBoardEvents(db: Runner, orgId: string, id: string): Promise<void> {
	const personal = textArray(['full_name', ...PERSONAL_COLUMNS]);
	await db.query(
		`update board_events b
		    set patch = (select jsonb_object_agg(e.key, case when e.key = any(${personal}) then coalesce(c.row -> e.key, 'null'::jsonb) else e.value end)
		                   from jsonb_each(b.patch) e)
		   from (select to_jsonb(i) as row from installations i where i.org_id = $1 and i.id = $2) c
		  where b.org_id = $1 and b.card_id = $2 and b.patch ?| ${personal}`,
		[orgId, id]
	);
}
