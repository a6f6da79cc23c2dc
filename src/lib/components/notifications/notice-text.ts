/** What a notice says, in the UI language, and where it leads. */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { INTL_LOCALE } from '$lib/i18n/locale';
import { stageName } from '$lib/i18n/stages';
import { isStage } from '$lib/domain/stage-registry';
import { formatDayShort, isCivilDate } from '$lib/domain/dates';
import type { Role } from '$lib/domain/stage-registry';
import type { NotificationItem } from '$lib/types/notifications';

const intl = () => INTL_LOCALE[getLocale() === 'en' ? 'en' : 'es'];

function documentName(kind: string | undefined): string {
	if (kind === 'contrato') return m.notif_doc_contrato();
	if (kind === 'hoja_instalacion') return m.notif_doc_hoja_instalacion();
	return m.notif_doc_other();
}

export function noticeTitle(n: NotificationItem): string {
	switch (n.kind) {
		case 'job_assigned':
			return m.notif_title_job_assigned();
		case 'job_rescheduled':
			return m.notif_title_job_rescheduled();
		case 'job_cancelled':
			return m.notif_title_job_cancelled();
		case 'sla_late':
			return m.notif_title_sla_late({ stage: n.data.stage && isStage(n.data.stage) ? stageName(n.data.stage) : (n.data.stage ?? '') });
		case 'customer_signed':
			return m.notif_title_customer_signed({ document: documentName(n.data.document) });
		case 'job_completed':
			return m.notif_title_job_completed();
		case 'callback_due':
			return m.notif_title_callback_due();
	}
}

/** A moment in the provider's time zone: «5 dic, 17:30». */
export function moment(iso: string, timeZone: string): string {
	return new Intl.DateTimeFormat(intl(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(
		new Date(iso)
	);
}

/** «Folio 12 · Rosa Cauich · lun 21 de dic 10:00 · por Carlos». */
export function noticeDetail(n: NotificationItem, timeZone: string): string {
	const parts = [m.notif_folio({ folio: n.data.folio }), n.data.customer];
	if (n.data.date && isCivilDate(n.data.date)) parts.push([formatDayShort(n.data.date, intl()), n.data.time].filter(Boolean).join(' '));
	if (n.data.dueAt) parts.push(m.notif_due({ when: moment(n.data.dueAt, timeZone) }));
	if (n.data.actor) parts.push(m.notif_by({ name: n.data.actor }));
	return parts.join(' · ');
}

/** The card: a technician opens their job, everyone else the card's page. */
export function noticeHref(n: NotificationItem, role: Role): string {
	return role === 'technician' ? `/tecnico/${n.installationId}` : `/instalaciones/${n.installationId}`;
}
