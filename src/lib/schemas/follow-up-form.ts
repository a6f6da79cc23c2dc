import { z } from 'zod';
import { CALL_OUTCOME_KEYS, type CallOutcome, type FollowUpRules } from '$lib/domain/follow-up';
import { followUpRulesSchema } from './follow-up';

/** A whole number as a form posts it; blank is `blank`, anything else not a number is NaN (the rules schema says why). */
function number(v: unknown): number;
function number(v: unknown, blank: null): number | null;
function number(v: unknown, blank: number | null = Number.NaN): number | null {
	const t = typeof v === 'string' ? v.trim() : '';
	if (!t) return blank;
	return /^-?\d+$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * Ajustes → Seguimiento as the form posts it (flat fields: `giveUpAttempts`, `callback_<outcome>`,
 * `officeStart`, `day_<0-6>`…), turned into the cadence rules and checked by their schema, whose
 * Spanish messages name each field by its path (`callbackMinutes.no_contesto`, `officeHours.end`…).
 */
export const followUpFormSchema = z
	.record(z.string(), z.unknown())
	.transform((f): FollowUpRules => ({
		giveUpAttempts: number(f.giveUpAttempts),
		giveUpDays: number(f.giveUpDays),
		callbackMinutes: Object.fromEntries(CALL_OUTCOME_KEYS.map((k) => [k, number(f[`callback_${k}`], null)])) as Record<
			CallOutcome,
			number | null
		>,
		officeHours: {
			start: typeof f.officeStart === 'string' ? f.officeStart.trim().slice(0, 5) : '',
			end: typeof f.officeEnd === 'string' ? f.officeEnd.trim().slice(0, 5) : '',
			days: [0, 1, 2, 3, 4, 5, 6].filter((d) => f[`day_${d}`] === 'on')
		},
		documentsWaitingDays: number(f.documentsWaitingDays)
	}))
	.pipe(followUpRulesSchema.unwrap());
