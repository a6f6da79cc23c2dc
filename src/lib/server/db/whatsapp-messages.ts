import type { RawRunner } from './client';
import { statusesBelow, type MessageStatus } from '$lib/domain/whatsapp-cloud';
import type { CloudMessageView } from '$lib/types/whatsapp';

type Runner = Pick<RawRunner, 'query'>;

/** One queued Cloud API message, as the worker works it. */
export interface OutboxRow {
	id: string;
	orgId: string;
	installationId: string;
	phone: string;
	body: string;
	attempts: number;
	/** When an attempt whose answer was never recorded started (epoch ms), or null. */
	sendingSince: number | null;
}

const OUTBOX = `id, org_id as "orgId", installation_id as "installationId", phone, body, attempts,
	(extract(epoch from sending_since) * 1000)::float8 as "sendingSince"`;

/**
 * The card's version moves with every status its messages take, so boards and open cards reload
 * them live (the installations trigger writes the board event; services never touch socket.io).
 */
async function bumpCard(db: Runner, installationId: string) {
	await db.query(`update installations set version = version + 1 where id = $1`, [installationId]);
}

/** The queued message and its history line, in the caller's transaction. */
export async function enqueue(
	db: Runner,
	m: { orgId: string; installationId: string; templateKey: string; phone: string; body: string; userId: string }
): Promise<{ id: string }> {
	const [row] = await db.query<{ id: string }>(
		`insert into customer_messages (org_id, installation_id, template_key, channel, phone, body, status, sent_by, next_attempt_at)
		 values ($1, $2, $3, 'cloud_api', $4, $5, 'en_cola', $6, now()) returning id`,
		[m.orgId, m.installationId, m.templateKey, m.phone, m.body, m.userId]
	);
	const entry = { kind: 'message', field: 'whatsapp_api', source: 'tarjeta' } as const;
	await db.query(
		`insert into card_history (org_id, installation_id, user_id, kind, field, old_value, new_value, source)
		 values ($1, $2, $3, $4, $5, null, $6::text::jsonb, $7)`,
		[m.orgId, m.installationId, m.userId, entry.kind, entry.field, JSON.stringify(m.body), entry.source]
	);
	await bumpCard(db, m.installationId);
	return row;
}

/**
 * Takes up to `limit` due messages for `lockSeconds`; another instance's worker skips them (SKIP
 * LOCKED while choosing, then the lock time). A provider whose connection is off keeps its queue.
 */
export async function claimDue(db: Runner, limit: number, lockSeconds: number): Promise<OutboxRow[]> {
	return db.query<OutboxRow>(
		`update customer_messages set locked_until = now() + make_interval(secs => $2)
		  where id in (
		    select m.id from customer_messages m
		     where m.status = 'en_cola' and m.channel = 'cloud_api' and m.next_attempt_at <= now()
		       and (m.locked_until is null or m.locked_until < now())
		       and exists (select 1 from whatsapp_connections c where c.org_id = m.org_id and c.enabled)
		     order by m.next_attempt_at limit $1
		     for update skip locked)
		 returning ${OUTBOX}`,
		[limit, lockSeconds]
	);
}

/** Written (and committed) before the request leaves: from here a crash leaves a visible uncertain attempt. */
export async function markSending(db: Runner, id: string): Promise<void> {
	await db.query(`update customer_messages set attempts = attempts + 1, sending_since = now(), updated_at = now() where id = $1`, [id]);
}

/** Meta took it. A webhook that already moved it further (matched by our id) is kept. */
export async function markSent(db: Runner, row: OutboxRow, providerId: string): Promise<void> {
	await db.query(
		`update customer_messages set provider_message_id = $2, error = null, sending_since = null, locked_until = null, next_attempt_at = null,
		   status = case when status = 'en_cola' then 'enviado' else status end, updated_at = now()
		  where id = $1`,
		[row.id, providerId]
	);
	await bumpCard(db, row.installationId);
}

/** The attempt was answered with a temporary failure: try again after `seconds`. */
export async function retryLater(db: Runner, row: OutboxRow, seconds: number, error: string): Promise<void> {
	await db.query(
		`update customer_messages set error = $2, sending_since = null, locked_until = null,
		   next_attempt_at = now() + make_interval(secs => $3), updated_at = now()
		  where id = $1 and status = 'en_cola'`,
		[row.id, error, seconds]
	);
	await bumpCard(db, row.installationId);
}

/** An uncertain attempt waits (for the webhook that may still name it) until `seconds` from now. */
export async function waitFor(db: Runner, row: OutboxRow, seconds: number): Promise<void> {
	await db.query(
		`update customer_messages set locked_until = null, next_attempt_at = now() + make_interval(secs => $2), updated_at = now()
		  where id = $1`,
		[row.id, seconds]
	);
}

export async function markFailed(db: Runner, row: OutboxRow, error: string): Promise<void> {
	await db.query(
		`update customer_messages set status = 'fallido', error = $2, sending_since = null, locked_until = null, next_attempt_at = null,
		   updated_at = now()
		  where id = $1 and status = 'en_cola'`,
		[row.id, error]
	);
	await bumpCard(db, row.installationId);
}

/**
 * A webhook status for a message of `orgId`: found by Meta's id, or by our own id (the callback
 * data) when the send's answer was lost. Applied only when it moves the message forward.
 * Returns whether a row changed.
 */
export async function applyStatus(
	db: Runner,
	orgId: string,
	s: { providerId: string; ourId: string | null; status: MessageStatus; error: string | null }
): Promise<boolean> {
	const [row] = await db.query<{ installationId: string }>(
		`update customer_messages set status = $4, provider_message_id = coalesce(provider_message_id, $2),
		   error = case when $4 = 'fallido' then $5 else null end, sending_since = null, next_attempt_at = null, updated_at = now()
		  where org_id = $1 and channel = 'cloud_api' and status = any($6::text[])
		    and (provider_message_id = $2 or (provider_message_id is null and $3::uuid is not null and id = $3::uuid))
		 returning installation_id as "installationId"`,
		[orgId, s.providerId, s.ourId, s.status, s.error, statusesBelow(s.status)]
	);
	if (row) await bumpCard(db, row.installationId);
	return !!row;
}

/** «Reintentar»: only a failed Cloud API message; null otherwise. */
export async function retryNow(db: Runner, orgId: string, installationId: string, id: string): Promise<{ id: string } | null> {
	const [row] = await db.query<{ id: string }>(
		`update customer_messages set status = 'en_cola', error = null, attempts = 0, next_attempt_at = now(), locked_until = null,
		   sending_since = null, updated_at = now()
		  where id = $1 and org_id = $2 and installation_id = $3 and channel = 'cloud_api' and status = 'fallido' returning id`,
		[id, orgId, installationId]
	);
	if (row) await bumpCard(db, installationId);
	return row ?? null;
}

export async function listForCard(db: Runner, orgId: string, installationId: string, limit = 50): Promise<CloudMessageView[]> {
	return db.query<CloudMessageView>(
		`select m.id, m.template_key as "templateKey", m.body, m.status, m.error, m.attempts, m.created_at::text as "createdAt",
		        m.updated_at::text as "updatedAt", u.name as "sentBy"
		   from customer_messages m left join users u on u.id = m.sent_by
		  where m.org_id = $1 and m.installation_id = $2 and m.channel = 'cloud_api'
		  order by m.created_at desc limit $3`,
		[orgId, installationId, limit]
	);
}

/** The card's phone, the card locked for the rest of the transaction; null when it is not the provider's. */
export async function lockCardPhone(db: Runner, orgId: string, installationId: string): Promise<{ phone: string | null } | null> {
	const [row] = await db.query<{ phone: string | null }>(`select phone from installations where org_id = $1 and id = $2 for update`, [
		orgId,
		installationId
	]);
	return row ?? null;
}

export async function cardPhone(db: Runner, orgId: string, installationId: string): Promise<{ phone: string | null } | null> {
	const [row] = await db.query<{ phone: string | null }>(`select phone from installations where org_id = $1 and id = $2`, [
		orgId,
		installationId
	]);
	return row ?? null;
}
