/**
 * «Para mañana»: the office sends the day-before reminder (template «recordatorio») to every
 * installation scheduled tomorrow in the provider's time zone. A reminder recorded since the start
 * of today counts as sent, with who sent it and when.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as messages from '../db/messages';
import { orgSettings } from './board';
import { requireStaff } from './roles';
import { messageValues, previewOf, LINK_PLACEHOLDER } from './message-values';
import { whatsappPhone } from '$lib/domain/message-render';
import { templateText } from '$lib/domain/message-templates';
import { addDays, todayIn } from '$lib/domain/dates';
import type { RemindersView } from '$lib/types/messages';

const KEY = 'recordatorio' as const;

export async function tomorrowReminders(db: Database, actor: SessionUser, now = new Date()): Promise<RemindersView> {
	requireStaff(actor);
	const today = todayIn(actor.timeZone, now);
	const date = addDays(today, 1);
	const settings = await orgSettings(db, actor.orgId);
	const cards = await messages.scheduledOn(db.orm, actor.orgId, date);
	const sent = new Map(
		(
			await messages.latestSince(
				db.orm,
				actor.orgId,
				cards.map((c) => c.id),
				KEY,
				today,
				actor.timeZone
			)
		).map((s) => [s.installationId, s])
	);
	const text = templateText(KEY, settings.messageTemplates);
	const rows = [];
	for (const card of cards) {
		const preview = previewOf(KEY, text, await messageValues(db.orm, actor, card, settings, LINK_PLACEHOLDER));
		const done = sent.get(card.id);
		rows.push({
			installationId: card.id,
			folio: card.folio,
			fullName: card.fullName,
			stage: card.stage,
			installationTime: card.installationTime,
			technicianName: card.technicianName,
			phone: whatsappPhone(card.phone),
			preview,
			sent: done ? { by: done.sentBy, at: done.createdAt } : null
		});
	}
	return { date, rows };
}
