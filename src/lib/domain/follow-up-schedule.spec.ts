import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP, type CallOutcome, type FollowUpRules } from './follow-up';
import { defaultNextContact, giveUpSuggestion, intoOfficeHours, localParts, pickNextContact, zonedInstant } from './follow-up-schedule';

const TZ = 'America/Cancun'; // UTC−5 all year
const rules: FollowUpRules = structuredClone(DEFAULT_FOLLOW_UP); // 09:00–19:00, Monday to Saturday
// 2026-12-05 is a Saturday; 2026-12-06 a Sunday; 2026-12-07 a Monday.
const at = (iso: string) => new Date(iso);

describe('local time in the provider’s time zone', () => {
	it('reads the local date, minutes and weekday', () => {
		expect(localParts(at('2026-12-05T02:30:00Z'), TZ)).toEqual({ date: '2026-12-04', minutes: 21 * 60 + 30, weekday: 5 });
		expect(localParts(at('2026-12-05T02:30:00Z'), 'UTC')).toEqual({ date: '2026-12-05', minutes: 150, weekday: 6 });
	});
	it('finds the instant of a local date and time, across a clock change', () => {
		expect(zonedInstant('2026-12-07', '09:00', TZ).toISOString()).toBe('2026-12-07T14:00:00.000Z');
		expect(zonedInstant('2026-12-07', '09:00', 'America/Mexico_City').toISOString()).toBe('2026-12-07T15:00:00.000Z');
		// Tijuana keeps daylight saving time: UTC−7 in July, UTC−8 in December.
		expect(zonedInstant('2026-07-01', '09:00', 'America/Tijuana').toISOString()).toBe('2026-07-01T16:00:00.000Z');
		expect(zonedInstant('2026-12-01', '09:00', 'America/Tijuana').toISOString()).toBe('2026-12-01T17:00:00.000Z');
	});
});

describe('intoOfficeHours', () => {
	const hours = rules.officeHours;
	it('keeps a moment inside office hours', () => {
		expect(intoOfficeHours(at('2026-12-07T20:00:00Z'), hours, TZ).toISOString()).toBe('2026-12-07T20:00:00.000Z');
	});
	it('moves an early morning to the opening of the same day', () => {
		expect(intoOfficeHours(at('2026-12-07T12:00:00Z'), hours, TZ).toISOString()).toBe('2026-12-07T14:00:00.000Z');
	});
	it('moves the night to the next day’s opening; the closing time itself is outside', () => {
		expect(intoOfficeHours(at('2026-12-08T01:30:00Z'), hours, TZ).toISOString()).toBe('2026-12-08T14:00:00.000Z');
		expect(intoOfficeHours(at('2026-12-08T00:00:00Z'), hours, TZ).toISOString()).toBe('2026-12-08T14:00:00.000Z');
	});
	it('skips Sunday by default: Saturday night and Sunday go to Monday morning', () => {
		expect(intoOfficeHours(at('2026-12-06T01:00:00Z'), hours, TZ).toISOString()).toBe('2026-12-07T14:00:00.000Z');
		expect(intoOfficeHours(at('2026-12-06T18:00:00Z'), hours, TZ).toISOString()).toBe('2026-12-07T14:00:00.000Z');
	});
	it('follows the office’s own days and hours', () => {
		const weekdays = { start: '08:30', end: '14:00', days: [1, 2, 3, 4, 5] };
		// Saturday 15:00 local → Monday 08:30 local.
		expect(intoOfficeHours(at('2026-12-05T20:00:00Z'), weekdays, TZ).toISOString()).toBe('2026-12-07T13:30:00.000Z');
		// Sunday only.
		expect(intoOfficeHours(at('2026-12-07T15:00:00Z'), { start: '10:00', end: '12:00', days: [0] }, TZ).toISOString()).toBe(
			'2026-12-13T15:00:00.000Z'
		);
	});
	it('uses the provider’s time zone, not the machine’s', () => {
		// 08:30 in Mexico City is 09:30 in Cancún: inside hours there, before opening here.
		const moment = at('2026-12-07T14:30:00Z');
		expect(intoOfficeHours(moment, hours, TZ).toISOString()).toBe('2026-12-07T14:30:00.000Z');
		expect(intoOfficeHours(moment, hours, 'America/Mexico_City').toISOString()).toBe('2026-12-07T15:00:00.000Z');
	});
});

describe('defaultNextContact', () => {
	it('adds the outcome’s delay and stays within office hours', () => {
		// Monday 10:00 local + 2 h (no contestó) = 12:00.
		expect(defaultNextContact('no_contesto', rules, at('2026-12-07T15:00:00Z'), TZ)?.toISOString()).toBe('2026-12-07T17:00:00.000Z');
		// Monday 18:00 local + 4 h (buzón) = 22:00 → Tuesday 09:00.
		expect(defaultNextContact('buzon', rules, at('2026-12-07T23:00:00Z'), TZ)?.toISOString()).toBe('2026-12-08T14:00:00.000Z');
		// Saturday 11:00 + 1 day (llamar después) = Sunday → Monday 09:00.
		expect(defaultNextContact('llamar_despues', rules, at('2026-12-05T16:00:00Z'), TZ)?.toISOString()).toBe('2026-12-07T14:00:00.000Z');
	});
	it('suggests no callback for a wrong number, no interest or an answered call', () => {
		for (const outcome of ['numero_equivocado', 'no_interesado', 'contesto'] as CallOutcome[]) {
			expect(defaultNextContact(outcome, rules, at('2026-12-07T15:00:00Z'), TZ)).toBeNull();
		}
	});
	it('reads the office’s delays', () => {
		const own = { ...rules, callbackMinutes: { ...rules.callbackMinutes, no_contesto: 30, contesto: 60 } };
		expect(defaultNextContact('no_contesto', own, at('2026-12-07T15:00:00Z'), TZ)?.toISOString()).toBe('2026-12-07T15:30:00.000Z');
		expect(defaultNextContact('contesto', own, at('2026-12-07T15:00:00Z'), TZ)?.toISOString()).toBe('2026-12-07T16:00:00.000Z');
	});
});

describe('pickNextContact', () => {
	it('«en 2 horas»', () => {
		expect(pickNextContact('en_2_horas', rules, at('2026-12-07T15:00:00Z'), TZ).toISOString()).toBe('2026-12-07T17:00:00.000Z');
		expect(pickNextContact('en_2_horas', rules, at('2026-12-07T23:30:00Z'), TZ).toISOString()).toBe('2026-12-08T14:00:00.000Z');
	});
	it('«mañana por la mañana» is the next office day’s opening (Monday after a Saturday)', () => {
		expect(pickNextContact('manana_temprano', rules, at('2026-12-07T15:00:00Z'), TZ).toISOString()).toBe('2026-12-08T14:00:00.000Z');
		expect(pickNextContact('manana_temprano', rules, at('2026-12-05T16:00:00Z'), TZ).toISOString()).toBe('2026-12-07T14:00:00.000Z');
		// Late Monday night local (already Tuesday in UTC) still means Tuesday morning.
		expect(pickNextContact('manana_temprano', rules, at('2026-12-08T04:30:00Z'), TZ).toISOString()).toBe('2026-12-08T14:00:00.000Z');
	});
	it('«en 3 días» lands on an office day', () => {
		expect(pickNextContact('en_3_dias', rules, at('2026-12-07T15:00:00Z'), TZ).toISOString()).toBe('2026-12-10T15:00:00.000Z');
		// Thursday + 3 days = Sunday → Monday 09:00.
		expect(pickNextContact('en_3_dias', rules, at('2026-12-03T15:00:00Z'), TZ).toISOString()).toBe('2026-12-07T14:00:00.000Z');
	});
});

describe('giveUpSuggestion', () => {
	const now = at('2026-12-10T15:00:00Z');
	const call = (outcome: CallOutcome, daysAgo: number) => ({
		outcome,
		createdAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString()
	});
	const rule = { ...rules, giveUpAttempts: 3, giveUpDays: 4 };
	it('suggests after N unanswered attempts, the first M days ago', () => {
		expect(giveUpSuggestion([call('no_contesto', 5), call('buzon', 3), call('no_contesto', 1)], rule, now)).toEqual({
			attempts: 3,
			days: 5
		});
	});
	it('not before N attempts, nor before M days', () => {
		expect(giveUpSuggestion([call('no_contesto', 5), call('buzon', 3)], rule, now)).toBeNull();
		expect(giveUpSuggestion([call('no_contesto', 3), call('buzon', 2), call('no_contesto', 1)], rule, now)).toBeNull();
	});
	it('counts only since the customer was last reached, in any order', () => {
		const calls = [call('no_contesto', 1), call('contesto', 6), call('no_contesto', 9), call('no_contesto', 5), call('buzon', 3)];
		expect(giveUpSuggestion(calls, rule, now)).toEqual({ attempts: 3, days: 5 });
		expect(giveUpSuggestion([...calls, call('llamar_despues', 2)], rule, now)).toBeNull();
	});
	it('a wrong number counts as unanswered', () => {
		expect(giveUpSuggestion([call('numero_equivocado', 8), call('no_contesto', 6), call('buzon', 4)], rule, now)).toEqual({
			attempts: 3,
			days: 8
		});
	});
});
