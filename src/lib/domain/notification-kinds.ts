/**
 * In-app notifications (issue 20, item 7): THE registry of what the bell tells whom. The SQL CHECKs
 * on notifications.kind and notification_preferences.kind, the preferences page, the zod schemas and
 * the service's recipients all derive from this table (tests/integration/notifications.test.ts
 * compares the SQL list with it).
 */
import type { Role } from './stage-registry';

export const NOTIFICATION_KIND_KEYS = [
	'job_assigned',
	'job_rescheduled',
	'job_cancelled',
	'sla_late',
	'customer_signed',
	'job_completed',
	'callback_due'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KIND_KEYS)[number];

export interface NotificationKindInfo {
	es: string;
	en: string;
	/** Who may receive it (and sees it on the preferences page). */
	roles: readonly Role[];
	/** Received unless the person turned it off. */
	defaultOn: boolean;
	/** Found by the periodic scanner (time passed), not by an action. */
	scanned: boolean;
}

const OFFICE: readonly Role[] = ['admin', 'coordinator'];

export const NOTIFICATION_KINDS: Record<NotificationKind, NotificationKindInfo> = {
	job_assigned: { es: 'Me asignan un trabajo', en: 'A job is assigned to me', roles: ['technician'], defaultOn: true, scanned: false },
	job_rescheduled: {
		es: 'Cambian la fecha u hora de mi trabajo',
		en: "My job's date or time changes",
		roles: ['technician'],
		defaultOn: true,
		scanned: false
	},
	job_cancelled: {
		es: 'Cancelan uno de mis trabajos',
		en: 'One of my jobs is cancelled',
		roles: ['technician'],
		defaultOn: true,
		scanned: false
	},
	sla_late: {
		es: 'Una tarjeta pasa el tiempo límite de su etapa',
		en: "A card passes its stage's time limit",
		roles: OFFICE,
		defaultOn: true,
		scanned: true
	},
	customer_signed: { es: 'Un cliente firma', en: 'A customer signs', roles: OFFICE, defaultOn: true, scanned: false },
	job_completed: {
		es: 'Un técnico termina una instalación',
		en: 'A technician completes a job',
		roles: OFFICE,
		defaultOn: true,
		scanned: false
	},
	callback_due: {
		es: 'Llega la hora de volver a llamar a un cliente',
		en: 'A customer callback is due',
		roles: ['agent', 'coordinator', 'admin'],
		defaultOn: true,
		scanned: true
	}
};

export const isNotificationKind = (v: unknown): v is NotificationKind =>
	typeof v === 'string' && (NOTIFICATION_KIND_KEYS as readonly string[]).includes(v);

/** The kinds a role may receive, in the registry's order. */
export const kindsFor = (role: Role): NotificationKind[] =>
	NOTIFICATION_KIND_KEYS.filter((k) => NOTIFICATION_KINDS[k].roles.includes(role));

/** Whether a person receives `kind`: their choice when they made one, else the default (never outside their role). */
export function receives(role: Role, kind: NotificationKind, choice: boolean | undefined): boolean {
	if (!NOTIFICATION_KINDS[kind].roles.includes(role)) return false;
	return choice ?? NOTIFICATION_KINDS[kind].defaultOn;
}

export const kindLabel = (kind: NotificationKind, locale: string): string => NOTIFICATION_KINDS[kind][locale === 'en' ? 'en' : 'es'];
