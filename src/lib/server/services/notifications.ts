/**
 * A person's own notices and their choice of kinds (issue 20, item 7). Everyone signed in reads and
 * marks only their own: every query is by the session's user id. Creating notices: notify.ts and
 * notify-scanner.ts.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as notifications from '../db/notifications';
import { parseInput } from '../validation';
import { notFound } from './errors';
import { markReadSchema, preferencesSchema } from '$lib/schemas/notifications';
import { NOTIFICATION_KINDS, kindsFor, receives, type NotificationKind } from '$lib/domain/notification-kinds';
import type { NotificationList } from '$lib/types/notifications';

const LIST_SIZE = 30;

export async function listNotifications(db: Database, user: SessionUser, limit = LIST_SIZE): Promise<NotificationList> {
	return {
		items: await notifications.listFor(db.orm, user.id, Math.min(Math.max(limit, 1), 100)),
		unread: await notifications.unreadCount(db.orm, user.id)
	};
}

/** One notice (`{ id }`) or all (`{ all: true }`); someone else's notice is «not found», never marked. */
export async function markRead(db: Database, user: SessionUser, raw: unknown): Promise<{ unread: number }> {
	const input = parseInput(markReadSchema, raw);
	if ('id' in input) {
		if (!(await notifications.markRead(db.orm, user.id, input.id))) throw notFound('Ese aviso no existe.');
	} else {
		await notifications.markAllRead(db.orm, user.id);
	}
	return { unread: await notifications.unreadCount(db.orm, user.id) };
}

export interface PreferenceView {
	kind: NotificationKind;
	es: string;
	en: string;
	enabled: boolean;
}

/** The kinds this person's role may receive, each with whether they receive it. */
export async function preferencesView(db: Database, user: SessionUser): Promise<PreferenceView[]> {
	const chosen = new Map((await notifications.preferencesOf(db.orm, user.id)).map((p) => [p.kind, p.enabled]));
	return kindsFor(user.role).map((kind) => ({
		kind,
		es: NOTIFICATION_KINDS[kind].es,
		en: NOTIFICATION_KINDS[kind].en,
		enabled: receives(user.role, kind, chosen.get(kind))
	}));
}

/** Saves the form: each kind it showed on or off (kinds of other roles are ignored). */
export async function savePreferences(db: Database, user: SessionUser, raw: unknown): Promise<PreferenceView[]> {
	const input = parseInput(preferencesSchema, raw);
	await db.orm.transaction(async (tx) => {
		for (const kind of kindsFor(user.role)) {
			if (input.shown.includes(kind)) await notifications.setPreference(tx, user.orgId, user.id, kind, input[kind]);
		}
	});
	return preferencesView(db, user);
}
