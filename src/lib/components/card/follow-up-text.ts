/**
 * How the follow-up reads on the card and the board: «3 intentos · último hace 2 días · volver a
 * llamar hoy 17:00», moments in the provider's time zone. Browser-side words (Paraglide).
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { INTL_LOCALE } from '$lib/i18n/locale';
import { dateTimeFormat } from '$lib/i18n/format';
import { todayIn, addDays } from '$lib/domain/dates';
import { CALL_OUTCOMES, NEXT_CONTACT_PICK_LABELS, type CallOutcome, type NextContactPick } from '$lib/domain/follow-up';

const lang = () => (getLocale() === 'en' ? 'en' : 'es');
const intl = () => INTL_LOCALE[getLocale()];

export const outcomeLabel = (o: CallOutcome) => CALL_OUTCOMES[o][lang()];
export const pickLabel = (p: NextContactPick) => NEXT_CONTACT_PICK_LABELS[p][lang()];

/** «hoy 17:00», «mañana 09:00», else «lun 7 dic 09:00». */
export function whenText(iso: string, nowMs: number, timeZone: string): string {
	const at = new Date(iso);
	const time = dateTimeFormat(intl(), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
	const today = todayIn(timeZone, new Date(nowMs));
	const day = todayIn(timeZone, at);
	if (day === today) return m.fu_today({ time });
	if (day === addDays(today, 1)) return m.fu_tomorrow({ time });
	const date = dateTimeFormat(intl(), { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(at);
	return `${date} ${time}`;
}

/** «2 días», «3 h», «5 min». */
export function ageText(iso: string, nowMs: number): string {
	const minutes = Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 60_000));
	if (minutes < 60) return m.fu_age_minutes({ count: minutes });
	if (minutes < 48 * 60) return m.fu_age_hours({ count: Math.floor(minutes / 60) });
	const days = Math.floor(minutes / 1440);
	return days === 1 ? m.fu_age_day() : m.fu_age_days({ count: days });
}

export interface FollowUpFields {
	callAttempts: number;
	lastCallAt: string | null;
	nextContactAt: string | null;
}

export interface SummaryParts {
	attempts: string;
	last: string | null;
	next: string;
	/** The next contact is past: the card is waiting for a call. */
	overdue: boolean;
	/** The next contact is today (or overdue). */
	due: boolean;
}

export function summaryParts(card: FollowUpFields, nowMs: number, timeZone: string): SummaryParts {
	const attempts = card.callAttempts === 1 ? m.fu_attempts_one() : m.fu_attempts({ count: card.callAttempts });
	const last = card.lastCallAt ? m.fu_last({ age: ageText(card.lastCallAt, nowMs) }) : null;
	if (!card.nextContactAt) return { attempts, last, next: m.fu_next_none(), overdue: false, due: false };
	const when = whenText(card.nextContactAt, nowMs, timeZone);
	const overdue = Date.parse(card.nextContactAt) < nowMs;
	const due = overdue || todayIn(timeZone, new Date(card.nextContactAt)) === todayIn(timeZone, new Date(nowMs));
	return { attempts, last, next: overdue ? m.fu_next_overdue({ when }) : m.fu_next({ when }), overdue, due };
}

/** The whole line: «3 intentos · último hace 2 días · volver a llamar hoy 17:00». */
export function summaryText(card: FollowUpFields, nowMs: number, timeZone: string): string {
	if (!card.callAttempts && !card.nextContactAt) return m.fu_no_calls();
	const p = summaryParts(card, nowMs, timeZone);
	return [p.attempts, p.last, p.next].filter(Boolean).join(' · ');
}

/** A moment as a `datetime-local` value in the provider's time zone ("2026-12-07T09:00"). */
export function toLocalInput(at: Date, timeZone: string): string {
	const parts = dateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(at);
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
	return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
