import type { Database } from '../db';
import * as jobs from '../db/wisphub-jobs';
import * as wisphub from '../db/wisphub';
import { call, listAll, WispHubError, type WispHubConfig } from '../wisphub/client';
import { installationPayload } from '$lib/domain/wisphub-payload';
import { ServiceError } from './errors';
import { configOf } from './wisphub';
import { startPolling, type PollWorker } from './poll-worker';
import { getLog } from '../log';

/**
 * The outbox worker: the move into the provider's WispHub stage wrote a job in its own
 * transaction (migration 20261205180000); this sends it. A job is claimed with SKIP LOCKED and a
 * lock time, so two instances never send the same one; once WispHub has answered with a task the
 * job only polls that task, so it is never sent twice; a restart picks up where the rows say.
 */

const MAX_ATTEMPTS = 10;
const LOCK_SECONDS = 60;
const GIVE_UP_POLLING_MS = 30 * 60 * 1000;
const SECRET_FIELDS = new Set(['password_servicio', 'password_router_wifi']);

/** Exponential backoff with jitter (full jitter on the upper half): base·2^(n−1), at most 15 min. */
export function backoffSeconds(attempt: number, baseMs = Number(process.env.WISPHUB_RETRY_BASE_MS ?? 2000)): number {
	const ceiling = Math.min(baseMs * 2 ** Math.max(attempt - 1, 0), 15 * 60 * 1000);
	return (ceiling / 2 + Math.random() * (ceiling / 2)) / 1000;
}

export function masked(payload: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, SECRET_FIELDS.has(k) && v ? '••••••' : v]));
}

const remoteIdOf = (result: unknown): string | null => {
	if (!result || typeof result !== 'object') return null;
	const r = result as Record<string, unknown>;
	const id = r.id_servicio ?? r.id ?? r.id_cliente;
	return id === undefined || id === null ? null : String(id);
};

async function failure(db: Database, job: jobs.JobRow, err: unknown): Promise<void> {
	if (err instanceof WispHubError) {
		if (!err.retry) return jobs.markFailed(db, job, err.message, err.body);
		if (job.attempts + 1 >= MAX_ATTEMPTS) {
			return jobs.markFailed(db, job, `WispHub no respondió tras ${MAX_ATTEMPTS} intentos: ${err.message}`, err.body);
		}
		return jobs.retryLater(db, job, backoffSeconds(job.attempts + 1), err.message, err.body);
	}
	if (err instanceof ServiceError) return jobs.markFailed(db, job, err.message, null);
	throw err;
}

/** Polls the task WispHub gave; never sends the installation again. */
async function poll(db: Database, job: jobs.JobRow & { taskId: string }, config: WispHubConfig) {
	const task = (await call(config, 'GET', `tasks/${encodeURIComponent(job.taskId)}/`)) as Record<string, unknown> | null;
	const status = String(task?.status ?? task?.state ?? '').toUpperCase();
	if (status === 'SUCCESS') {
		const id = remoteIdOf(task?.result);
		if (id) return jobs.markSynced(db, job, id, task);
		return jobs.markFailed(db, job, 'WispHub terminó la tarea sin decir el número del cliente.', task);
	}
	if (status === 'FAILURE' || status === 'REVOKED') {
		return jobs.markFailed(db, job, `WispHub no pudo crear la instalación: ${String((task?.result as string) ?? status)}`, task);
	}
	if (job.sentAt !== null && Date.now() - job.sentAt > GIVE_UP_POLLING_MS) {
		return jobs.markFailed(db, job, 'WispHub no confirmó la tarea en 30 minutos. Revisa en WispHub si la instalación existe.', task);
	}
	return jobs.pollLater(db, job, 1);
}

/**
 * A send that may already have reached WispHub (an earlier attempt whose answer was lost, or a
 * crash before the task was recorded): look for the PPPoE user among the customers first.
 */
async function alreadyThere(config: WispHubConfig, phone: string | null, usuarioRb: string): Promise<string | null> {
	if (!phone) return null;
	const found = await listAll(config, `clientes/?telefono__contains=${encodeURIComponent(phone)}`, 5).catch(() => null);
	// The filter may be ignored by WispHub: check each item ourselves.
	const match = found?.find((c) => String(c.servicio ?? c.usuario_rb ?? '') === usuarioRb);
	return match ? remoteIdOf(match) : null;
}

async function send(db: Database, job: jobs.JobRow, config: WispHubConfig) {
	const card = await jobs.cardForSync(db, job.installationId);
	if (!card) return jobs.markFailed(db, job, 'La tarjeta ya no existe.', null);
	const payload = installationPayload(card, await wisphub.confirmedMap(db, job.orgId));
	if (!payload.ok) return jobs.markFailed(db, job, `Faltan datos para WispHub: ${payload.missing.join(', ')}.`, null);
	if (job.attempts > 0) {
		const existing = await alreadyThere(config, card.phone, String(payload.body.usuario_rb));
		if (existing) return jobs.markSynced(db, job, existing, { encontrado: true });
	}
	await jobs.markSending(db, job, masked(payload.body));
	const answer = (await call(
		config,
		'POST',
		`clientes/agregar-cliente/${encodeURIComponent(payload.zona)}/?instalacion`,
		payload.body
	)) as Record<string, unknown> | null;
	const taskId = answer?.task_id ?? answer?.taskId;
	if (typeof taskId !== 'string' || !taskId) {
		const id = remoteIdOf(answer);
		if (id) return jobs.markSynced(db, job, id, answer);
		return jobs.markFailed(db, job, 'WispHub aceptó el envío pero no devolvió una tarea que seguir.', answer);
	}
	await jobs.markSent(db, job, taskId, answer);
}

/** One round: claim what is due and work it. Returns how many jobs were handled. */
export async function runOnce(db: Database, batch = 5): Promise<number> {
	const due = await jobs.claimDue(db, batch, LOCK_SECONDS);
	for (const job of due) {
		try {
			const config = await configOf(db, job.orgId);
			if (job.taskId) await poll(db, job as jobs.JobRow & { taskId: string }, config);
			else await send(db, job, config);
		} catch (err) {
			await failure(db, job, err);
		}
	}
	return due.length;
}

export type SyncWorker = PollWorker;

/** Runs rounds every `intervalMs` (sooner after a busy round) until stopped; errors are logged, never thrown. */
export function startSyncWorker(db: Database, intervalMs = Number(process.env.WISPHUB_POLL_MS ?? 1000)): SyncWorker {
	return startPolling({
		run: () => runOnce(db),
		intervalMs,
		onError: (err) => getLog().error({ err: err.message }, 'WispHub: no se pudo revisar la cola de envíos')
	});
}
