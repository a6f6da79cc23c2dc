// Shared by the server (which reads these) and the card and board (which show them).
import type { CallOutcome } from '$lib/domain/follow-up';
import type { FollowUpRules } from '$lib/domain/follow-up';
import type { GiveUpSuggestion } from '$lib/domain/follow-up-schedule';

/** One call attempt on a card. Timestamps are ISO (UTC). */
export interface LeadCall {
	id: string;
	outcome: CallOutcome;
	note: string | null;
	nextContactAt: string | null;
	createdAt: string;
	userName: string | null;
}

/** The card's follow-up at a glance (the installations columns). */
export interface CallSummary {
	attempts: number;
	lastCallAt: string | null;
	lastCallOutcome: CallOutcome | null;
	nextContactAt: string | null;
}

export interface RecordCallResult {
	call: LeadCall;
	summary: CallSummary;
}

/** What the card panel shows of the follow-up: the last calls, the suggestion and the rules for the defaults. */
export interface FollowUpPanel {
	calls: LeadCall[];
	/** «N intentos sin respuesta en M días»: suggest cancelling as «no localizable» (never automatic). */
	giveUp: GiveUpSuggestion | null;
	rules: FollowUpRules;
	/** Whether this user may record calls (office roles). */
	canRecord: boolean;
}
