/**
 * Creating notices (issue 20, item 7). The services where a job is assigned, rescheduled, cancelled,
 * signed or completed call these inside their own transaction, so a notice exists exactly when the
 * change committed (rolled back together, never twice); the trigger on notifications then tells the
 * person's open tabs at commit (realtime/user-notifications.ts). The periodic kinds are in
 * notify-scanner.ts. Nobody is told about what they did themselves.
 */
import type { Executor } from '../db/card-tx';
import * as notifications from '../db/notifications';
import type { ScheduleRow } from '../db/schedule';
import { NOTIFICATION_KINDS, receives, type NotificationKind } from '$lib/domain/notification-kinds';
import type { NotificationData } from '$lib/types/notifications';

export interface Delivery {
	kind: NotificationKind;
	orgId: string;
	installationId: string;
	actorId: string | null;
	data: NotificationData;
	/** Unique per person: the same key is never notified twice. */
	dedupeKey: string;
	candidates: notifications.Recipient[];
}

/** Keeps the candidates the kind is for, who are not the actor and did not turn it off; answers how many got it. */
export async function deliver(exec: Executor, d: Delivery): Promise<number> {
	const eligible = d.candidates.filter((c) => c.id !== d.actorId && NOTIFICATION_KINDS[d.kind].roles.includes(c.role));
	const choices = await notifications.choicesFor(
		exec,
		eligible.map((c) => c.id),
		d.kind
	);
	const to = eligible.filter((c) => receives(c.role, d.kind, choices.get(c.id)));
	return notifications.insertMany(
		exec,
		to.map((c) => ({
			orgId: d.orgId,
			userId: c.id,
			kind: d.kind,
			installationId: d.installationId,
			actorId: d.actorId,
			data: d.data,
			dedupeKey: d.dedupeKey
		}))
	);
}

async function cardAndActor(exec: Executor, cardId: string, actorId: string | null) {
	const card = await notifications.cardInfo(exec, cardId);
	const actor = (await notifications.userName(exec, actorId))?.name ?? null;
	return { card, actor };
}

/** The office (coordinators and admins) of the card's provider. */
async function office(exec: Executor, orgId: string) {
	return notifications.activeWithRoles(exec, orgId, ['coordinator', 'admin']);
}

/**
 * After a card's scheduling changed (already written, same transaction): the new technician is told
 * the job is theirs; the same technician is told the date or time moved.
 */
export async function scheduleChanged(
	exec: Executor,
	actorId: string,
	cardId: string,
	before: ScheduleRow,
	after: ScheduleRow
): Promise<void> {
	const techChanged = after.technicianId !== before.technicianId;
	const moved = after.date !== before.date || after.time !== before.time;
	if (!after.technicianId || (!techChanged && !moved)) return;
	const kind: NotificationKind = techChanged ? 'job_assigned' : 'job_rescheduled';
	const { card, actor } = await cardAndActor(exec, cardId, actorId);
	if (!card) return;
	await deliver(exec, {
		kind,
		orgId: card.orgId,
		installationId: card.id,
		actorId,
		data: { folio: card.folio, customer: card.fullName, date: card.date, time: card.time, actor },
		dedupeKey: `${kind}:${card.id}:v${card.version}`,
		candidates: await notifications.activeUsers(exec, card.orgId, [after.technicianId])
	});
}

/** After a card was cancelled (same transaction): its technician, if it had one. */
export async function jobCancelled(exec: Executor, actorId: string, cardId: string): Promise<void> {
	const { card, actor } = await cardAndActor(exec, cardId, actorId);
	if (!card?.technicianId) return;
	await deliver(exec, {
		kind: 'job_cancelled',
		orgId: card.orgId,
		installationId: card.id,
		actorId,
		data: { folio: card.folio, customer: card.fullName, date: card.date, time: card.time, actor },
		dedupeKey: `job_cancelled:${card.id}:v${card.version}`,
		candidates: await notifications.activeUsers(exec, card.orgId, [card.technicianId])
	});
}

/** After the customer signed a document (same transaction): the office. `actorId` null for a remote link. */
export async function customerSigned(exec: Executor, actorId: string | null, cardId: string, document: string): Promise<void> {
	const { card, actor } = await cardAndActor(exec, cardId, actorId);
	if (!card) return;
	await deliver(exec, {
		kind: 'customer_signed',
		orgId: card.orgId,
		installationId: card.id,
		actorId,
		data: { folio: card.folio, customer: card.fullName, document, actor },
		dedupeKey: `customer_signed:${card.id}:${document}:v${card.version}`,
		candidates: await office(exec, card.orgId)
	});
}

/** After a technician marked a job completed (same transaction): the office. */
export async function jobCompleted(exec: Executor, actorId: string, cardId: string): Promise<void> {
	const { card, actor } = await cardAndActor(exec, cardId, actorId);
	if (!card) return;
	await deliver(exec, {
		kind: 'job_completed',
		orgId: card.orgId,
		installationId: card.id,
		actorId,
		data: { folio: card.folio, customer: card.fullName, actor },
		dedupeKey: `job_completed:${card.id}:v${card.version}`,
		candidates: await office(exec, card.orgId)
	});
}
