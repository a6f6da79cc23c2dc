/**
 * When to call a lead again (issue 20): the default next contact after an outcome (the office's
 * cadence rules), the quick picks, both moved into office hours in the provider's time zone, and
 * when to suggest cancelling as «no localizable». Pure: the card, the board menu and the service
 * all use these.
 */
import { addDays, formatDate, type CivilDate } from './dates';
import type { CallOutcome, FollowUpRules, NextContactPick, OfficeHours } from './follow-up';
import { CALL_OUTCOMES } from './follow-up';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface LocalParts {
	date: CivilDate;
	/** Minutes since local midnight. */
	minutes: number;
	/** 0 = Sunday … 6 = Saturday. */
	weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

function wallClock(at: Date, timeZone: string) {
	const parts = formatter(timeZone).formatToParts(at);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** The local date, time of day and weekday of an instant in a time zone. */
export function localParts(at: Date, timeZone: string): LocalParts {
	const w = wallClock(at, timeZone);
	const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
	return { date: formatDate(w.year, w.month, w.day), minutes: w.hour * 60 + w.minute, weekday };
}

/** The instant a local date and "HH:MM" name in a time zone (the later one when a clock change repeats it). */
export function zonedInstant(date: CivilDate, hhmm: string, timeZone: string): Date {
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = hhmm.split(':').map(Number);
	const wanted = Date.UTC(y, mo - 1, d, h, mi);
	let guess = wanted;
	// Two rounds settle the offset (a third would only matter inside a skipped hour).
	for (let i = 0; i < 2; i++) {
		const w = wallClock(new Date(guess), timeZone);
		const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
		guess += wanted - shown;
	}
	return new Date(guess);
}

const toMinutes = (hhmm: string) => {
	const [h, m] = hhmm.split(':').map(Number);
	return h * 60 + m;
};

/**
 * The first moment at or after `at` inside office hours: the same instant when it is within them,
 * else the opening time of that day (before opening) or of the next office day (after closing, on
 * a closed day). Office hours with no day fall back to `at`.
 */
export function intoOfficeHours(at: Date, hours: OfficeHours, timeZone: string): Date {
	if (!hours.days.length) return at;
	const start = toMinutes(hours.start);
	const end = toMinutes(hours.end);
	const local = localParts(at, timeZone);
	if (hours.days.includes(local.weekday)) {
		if (local.minutes >= start && local.minutes < end) return at;
		if (local.minutes < start) return zonedInstant(local.date, hours.start, timeZone);
	}
	return nextOpening(local.date, local.weekday, hours, timeZone);
}

/** The opening time of the first office day after `date`. */
function nextOpening(date: CivilDate, weekday: number, hours: OfficeHours, timeZone: string): Date {
	for (let i = 1; i <= 7; i++) {
		if (hours.days.includes((weekday + i) % 7)) return zonedInstant(addDays(date, i), hours.start, timeZone);
	}
	return zonedInstant(addDays(date, 1), hours.start, timeZone);
}

/** The default next contact after an outcome: its cadence delay, moved into office hours; null when it has none. */
export function defaultNextContact(outcome: CallOutcome, rules: FollowUpRules, now: Date, timeZone: string): Date | null {
	const minutes = rules.callbackMinutes[outcome];
	if (minutes == null) return null;
	return intoOfficeHours(new Date(now.getTime() + minutes * MINUTE), rules.officeHours, timeZone);
}

/** A quick pick's moment: in 2 hours, tomorrow's (or the next office day's) opening, or in 3 days; always within office hours. */
export function pickNextContact(pick: NextContactPick, rules: FollowUpRules, now: Date, timeZone: string): Date {
	const hours = rules.officeHours;
	switch (pick) {
		case 'en_2_horas':
			return intoOfficeHours(new Date(now.getTime() + 120 * MINUTE), hours, timeZone);
		case 'manana_temprano': {
			const local = localParts(now, timeZone);
			return nextOpening(local.date, local.weekday, hours, timeZone);
		}
		case 'en_3_dias':
			return intoOfficeHours(new Date(now.getTime() + 3 * DAY), hours, timeZone);
	}
}

export interface CallMark {
	outcome: CallOutcome;
	/** ISO timestamp. */
	createdAt: string;
}

export interface GiveUpSuggestion {
	/** Unanswered attempts since the customer was last reached. */
	attempts: number;
	/** Whole days since the first of them. */
	days: number;
}

/**
 * Suggest cancelling as «no localizable» (never automatic): at least `giveUpAttempts` unanswered
 * attempts since the customer was last reached, the first of them at least `giveUpDays` days ago.
 * `calls` in any order.
 */
export function giveUpSuggestion(calls: readonly CallMark[], rules: FollowUpRules, now: Date): GiveUpSuggestion | null {
	const sorted = [...calls].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
	let first = -1;
	let attempts = 0;
	for (const call of sorted) {
		if (CALL_OUTCOMES[call.outcome].reached) {
			attempts = 0;
			first = -1;
		} else {
			if (attempts === 0) first = Date.parse(call.createdAt);
			attempts++;
		}
	}
	if (attempts < rules.giveUpAttempts || first < 0) return null;
	const days = Math.floor((now.getTime() - first) / DAY);
	return days >= rules.giveUpDays ? { attempts, days } : null;
}
