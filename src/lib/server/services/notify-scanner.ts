/**
 * The notices time brings (issue 20, item 7): a card passing its stage's time limit (the board's
 * «late», settings.sla lateHours) tells the office; a customer's callback coming due tells the agent
 * who recorded the card's last call, or every agent when nobody (still active) did. Started by
 * hooks.server.ts init; NOTIFY_POLL_MS tunes it, NOTIFY_WORKER=off disables it. Idempotent: each
 * notice has a key unique per person (the card, its stage and when it entered it; the card and its
 * due time), so a re-run, a restart or two instances at once never notify twice.
 */
import type { Database } from '../db';
import * as notifications from '../db/notifications';
import { OPEN_STAGES } from '$lib/domain/stage-registry';
import { readSettings } from '$lib/schemas/settings';
import { deliver } from './notify';
import { startPolling, type PollWorker } from './poll-worker';
import { getLog } from '../log';

/** A card late (or a callback due) for longer than this was missed while the scanner was off: not announced. */
const lookbackHours = () => Number(process.env.NOTIFY_LOOKBACK_HOURS ?? 24);

async function scanLate(db: Database): Promise<number> {
	let sent = 0;
	for (const org of await notifications.organizationsSettings(db.orm)) {
		const settings = readSettings(org.settings);
		const limits = OPEN_STAGES.flatMap((s): [string, number][] => {
			const sla = settings.sla[s];
			return sla ? [[s, sla.lateHours]] : [];
		});
		const late = await notifications.lateCards(db.orm, org.id, limits, lookbackHours());
		if (!late.length) continue;
		const office = await notifications.activeWithRoles(db.orm, org.id, ['coordinator', 'admin']);
		for (const card of late) {
			sent += await deliver(db.orm, {
				kind: 'sla_late',
				orgId: org.id,
				installationId: card.id,
				actorId: null,
				data: { folio: card.folio, customer: card.fullName, stage: card.stage },
				dedupeKey: `sla_late:${card.id}:${card.stage}:${card.stageChangedAt}`,
				candidates: office
			});
		}
	}
	return sent;
}

async function scanCallbacks(db: Database): Promise<number> {
	let sent = 0;
	for (const due of await notifications.dueCallbacks(db.orm, OPEN_STAGES, lookbackHours())) {
		const caller = due.callerId ? await notifications.activeUsers(db.orm, due.orgId, [due.callerId]) : [];
		const candidates = caller.length ? caller : await notifications.activeWithRoles(db.orm, due.orgId, ['agent']);
		sent += await deliver(db.orm, {
			kind: 'callback_due',
			orgId: due.orgId,
			installationId: due.id,
			actorId: null,
			data: { folio: due.folio, customer: due.fullName, dueAt: due.dueAt },
			dedupeKey: `callback_due:${due.id}:${due.dueAt}`,
			candidates
		});
	}
	return sent;
}

/** One pass over every provider; answers how many notices were new. */
export async function scanOnce(db: Database): Promise<number> {
	return (await scanLate(db)) + (await scanCallbacks(db));
}

export type NotifyScanner = PollWorker;

/** A pass soon after start, then every `intervalMs`; a failed pass (database outage) is logged and retried next time. */
export function startNotifyScanner(db: Database, intervalMs = Number(process.env.NOTIFY_POLL_MS ?? 60_000)): NotifyScanner {
	return startPolling({
		run: () => scanOnce(db),
		intervalMs,
		firstDelayMs: Math.min(intervalMs, 5_000),
		// A pass that found notices has nothing quicker to do next: each notice is one insert.
		busyDelayMs: intervalMs,
		onError: (err) => getLog().error({ err: err.message }, 'Avisos: no se pudo revisar los vencimientos')
	});
}
