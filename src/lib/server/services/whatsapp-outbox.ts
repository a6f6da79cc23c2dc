import type { Database } from '../db';
import * as outbox from '../db/whatsapp-messages';
import { CloudApiError, sendText } from '../whatsapp/client';
import { backoffSeconds } from './wisphub-sync';
import { ServiceError } from './errors';
import { configOf } from './whatsapp';
import { startPolling, type PollWorker } from './poll-worker';
import { getLog } from '../log';

/**
 * The WhatsApp outbox worker. A message is claimed with SKIP LOCKED and a lock time, so two
 * instances never send the same one. The Cloud API has no idempotency key, so a send is made
 * at most once automatically:
 *
 * - Before the request leaves, `sending_since` is committed; after Meta answers it is cleared in
 *   the same statement that records the answer («enviado» with the wamid, or the failure).
 * - The request carries our row id as `biz_opaque_callback_data`; Meta's status webhooks echo it,
 *   so a send whose answer was lost still finds its row (webhook.ts matches by it).
 * - A crash between the send and the mark leaves `sending_since` set. The next worker does not
 *   send again: it waits up to WHATSAPP_UNCERTAIN_SECONDS (default 600) for the webhook to name
 *   the message (then it is «enviado», no duplicate), and otherwise marks it «Falló» saying the
 *   send could not be confirmed, so a person checks the chat before pressing «Reintentar»
 *   (never lost silently, never duplicated by the machine).
 * - A timeout or a dropped connection may hide a request Meta took: it is retried, but only after
 *   WHATSAPP_UNCERTAIN_RETRY_SECONDS (default 120), time for the webhook to name it first (then it
 *   is «enviado» and leaves the queue). Residual risk, documented in the README: if Meta took it
 *   and its webhook is not configured or arrives later than that, the customer gets it twice.
 */

const LOCK_SECONDS = 60;
const maxAttempts = () => Number(process.env.WHATSAPP_MAX_ATTEMPTS ?? 6);
const uncertainSeconds = () => Number(process.env.WHATSAPP_UNCERTAIN_SECONDS ?? 600);
const retryBase = () => Number(process.env.WHATSAPP_RETRY_BASE_MS ?? 5000);
const uncertainRetrySeconds = () => Number(process.env.WHATSAPP_UNCERTAIN_RETRY_SECONDS ?? 120);

const UNCONFIRMED =
	'No se pudo confirmar si WhatsApp recibió el mensaje (el servidor se reinició mientras lo enviaba). Revisa el chat antes de reintentar.';

async function failure(db: Database, row: outbox.OutboxRow, err: unknown): Promise<void> {
	if (err instanceof CloudApiError) {
		if (!err.retry) return outbox.markFailed(db, row, err.message);
		if (row.attempts + 1 >= maxAttempts()) {
			return outbox.markFailed(db, row, `WhatsApp no aceptó el mensaje tras ${maxAttempts()} intentos: ${err.message}`);
		}
		const wait = backoffSeconds(row.attempts + 1, retryBase());
		return outbox.retryLater(db, row, err.uncertain ? Math.max(wait, uncertainRetrySeconds()) : wait, err.message);
	}
	if (err instanceof ServiceError) return outbox.markFailed(db, row, err.message);
	throw err;
}

async function work(db: Database, row: outbox.OutboxRow): Promise<void> {
	if (row.sendingSince !== null) {
		// An attempt whose answer was never recorded: wait for the webhook, then say so; never resend.
		const left = row.sendingSince + uncertainSeconds() * 1000 - Date.now();
		if (left > 0) return outbox.waitFor(db, row, Math.ceil(left / 1000));
		return outbox.markFailed(db, row, UNCONFIRMED);
	}
	const config = await configOf(db, row.orgId);
	if (!config) return outbox.waitFor(db, row, 60);
	await outbox.markSending(db, row.id);
	let sent: { id: string };
	try {
		sent = await sendText(config, row.phone, row.body, row.id);
	} catch (err) {
		return failure(db, row, err);
	}
	await outbox.markSent(db, row, sent.id);
}

/** One round: claim what is due and work it. Returns how many messages were handled. */
export async function runOnce(db: Database, batch = 10): Promise<number> {
	const due = await outbox.claimDue(db, batch, LOCK_SECONDS);
	for (const row of due) {
		try {
			await work(db, row);
		} catch (err) {
			if (err instanceof ServiceError) await outbox.markFailed(db, row, err.message);
			// Otherwise the database failed: the row keeps its lock time and a later round takes it again.
			else throw err;
		}
	}
	return due.length;
}

export type OutboxWorker = PollWorker;

/** Rounds every `intervalMs` (sooner after a busy one) until stopped; failures are logged (never a secret), never thrown. */
export function startWhatsAppWorker(db: Database, intervalMs = Number(process.env.WHATSAPP_POLL_MS ?? 1000)): OutboxWorker {
	return startPolling({
		run: () => runOnce(db),
		intervalMs,
		onError: (err) => getLog().error({ err: err.message }, 'WhatsApp: no se pudo revisar la cola de mensajes')
	});
}
