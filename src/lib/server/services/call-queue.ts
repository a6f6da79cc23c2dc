/**
 * «Mis llamadas» (issue 20, process 3): the leads to call on a day, in order (overdue callbacks,
 * callbacks due that day, new leads never called, documents waiting on the customer), shared by the
 * agents: «Siguiente» claims the next free lead for one agent for CLAIM_MINUTES; recording a call on
 * it (calls service → releaseClaim), «Soltar» or the expiry frees it. Every change tells the other
 * agents' queues through domainEvents (the realtime layer fans it out).
 */
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import * as queue from '../db/call-queue';
import * as claims from '../db/call-claims';
import { getCardsByIds } from '../db/cards';
import { domainEvents } from '../events';
import { orgSettings } from './board';
import { forbidden, ServiceError } from './errors';
import { parseInput } from '../validation';
import { callQueueQuerySchema, releaseClaimSchema } from '$lib/schemas/call-queue';
import { CLAIM_MINUTES, queueDay, queueSection } from '$lib/domain/call-queue';
import { todayIn, type CivilDate } from '$lib/domain/dates';
import { missingForNext, type Stage } from '$lib/domain/stages';
import { formatMxPhone, telLink } from '$lib/domain/phones';
import type { OrgSettings } from '$lib/schemas/settings';
import type { CallQueueRow, CallQueueView } from '$lib/types/call-queue';

/** The office works the queue; a technician's phone has its own job list. */
function requireOffice(actor: SessionUser): void {
	if (actor.role === 'technician') throw forbidden('La lista de llamadas es solo para la oficina.');
}

function windowOf(actor: SessionUser, settings: OrgSettings, day: CivilDate, today: CivilDate): queue.QueueWindow {
	return {
		orgId: actor.orgId,
		day,
		timeZone: actor.timeZone,
		isToday: day === today,
		documentsWaitingDays: settings.followUp.documentsWaitingDays
	};
}

function changed(orgId: string): void {
	domainEvents.emit('call-queue:changed', { orgId });
}

/** The day's queue (`dia`: hoy, manana or AAAA-MM-DD in the provider's calendar). */
export async function callQueue(db: Database, actor: SessionUser, raw: unknown = {}): Promise<CallQueueView> {
	requireOffice(actor);
	const { dia } = parseInput(callQueueQuerySchema, raw);
	const today = todayIn(actor.timeZone);
	const day = queueDay(dia, today);
	const settings = await orgSettings(db, actor.orgId);
	const entries = await queue.list(db.orm, windowOf(actor, settings, day, today));
	const cards = await getCardsByIds(
		db,
		entries.map((e) => e.id)
	);
	const rows = entries.map((e): CallQueueRow => {
		const card = cards.get(e.id);
		const missing = card ? missingForNext(card, settings).missing : [];
		const stage = e.stage as Stage;
		return {
			id: e.id,
			reason: e.reason,
			stage,
			fullName: e.fullName,
			phone: e.phone ? formatMxPhone(e.phone) : null,
			tel: telLink(e.phone),
			missing: missing.map((r) => r.text),
			callAttempts: e.callAttempts,
			lastCallOutcome: e.lastCallOutcome,
			lastCallAt: e.lastCallAt,
			nextContactAt: e.nextContactAt,
			claim:
				e.claimUserId && e.claimExpiresAt
					? { userId: e.claimUserId, name: e.claimUserName ?? '—', expiresAt: e.claimExpiresAt, mine: e.claimUserId === actor.id }
					: null,
			href: `/instalaciones/${e.id}?seccion=${queueSection(
				stage,
				actor.role,
				missing.map((r) => r.key)
			)}`
		};
	});
	return { day, today, timeZone: actor.timeZone, rows };
}

/**
 * «Siguiente»: takes the first free lead of today's queue and lets go of the one this agent held.
 * Agents pressing at the same moment get different leads (one statement under a row lock); the
 * answer is the card to open, on the tab to work from.
 */
export async function claimNext(db: Database, actor: SessionUser): Promise<{ installationId: string; href: string }> {
	requireOffice(actor);
	const today = todayIn(actor.timeZone);
	const settings = await orgSettings(db, actor.orgId);
	const w = windowOf(actor, settings, today, today);
	let taken: { installationId: string } | null = null;
	// A concurrent claim can win the same card after this statement's snapshot: then try the next one.
	for (let attempt = 0; attempt < 5 && !taken; attempt++) {
		taken = await claims.claimNext(db.orm, w, actor.id, CLAIM_MINUTES);
		if (!taken && !(await queue.list(db.orm, w, 1)).length) break;
	}
	// The lead held before is let go only now, so «Siguiente» never hands the same one back.
	await claims.releaseAllOf(db.orm, actor.orgId, actor.id, taken?.installationId ?? null);
	changed(actor.orgId);
	if (!taken) throw new ServiceError(409, 'No quedan llamadas libres por ahora: todas están atendidas o programadas para más tarde.');
	const card = (await getCardsByIds(db, [taken.installationId])).get(taken.installationId);
	const stage = (card?.stage ?? 'preinstalacion') as Stage;
	const missing = card ? missingForNext(card, settings).missing.map((r) => r.key) : [];
	await claims.purgeExpired(db.orm, actor.orgId);
	return {
		installationId: taken.installationId,
		href: `/instalaciones/${taken.installationId}?seccion=${queueSection(stage, actor.role, missing)}`
	};
}

/** «Soltar»: the agent lets go of a lead they took, for someone else to call. */
export async function releaseMine(db: Database, actor: SessionUser, raw: unknown): Promise<{ ok: true }> {
	requireOffice(actor);
	const { installationId } = parseInput(releaseClaimSchema, raw);
	const released = await claims.release(db.orm, actor.orgId, installationId, actor.id);
	if (!released) throw new ServiceError(409, 'Ya no tenías esa llamada: se liberó o la tomó otra persona.');
	changed(actor.orgId);
	return { ok: true };
}

/**
 * Frees the claim on a card once a call was recorded on it (the calls service calls this, inside its
 * transaction with `tx`, or after it with the database). Emits the queue change either way; a
 * listener that re-reads early finds the card changed moments later by the call's board event.
 */
export async function releaseClaim(db: Database | Executor, orgId: string, installationId: string): Promise<boolean> {
	const exec = 'orm' in db ? db.orm : db;
	const released = await claims.release(exec, orgId, installationId);
	if (released) changed(orgId);
	return released;
}
