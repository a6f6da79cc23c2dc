/**
 * Following up a lead (issue 20, process 3 «Llama al cliente»): THE registry of call outcomes, the
 * quick picks for the next contact and the office's default cadence rules. Pure: the schemas, the
 * services, the card, the queue and the notifications all read these.
 */

export const CALL_OUTCOME_KEYS = ['contesto', 'no_contesto', 'buzon', 'numero_equivocado', 'llamar_despues', 'no_interesado'] as const;
export type CallOutcome = (typeof CALL_OUTCOME_KEYS)[number];

export interface CallOutcomeInfo {
	es: string;
	en: string;
	/** The customer was reached (counts for the contact rate; does not count towards «no localizable»). */
	reached: boolean;
}

export const CALL_OUTCOMES: Record<CallOutcome, CallOutcomeInfo> = {
	contesto: { es: 'Contestó', en: 'Answered', reached: true },
	no_contesto: { es: 'No contestó', en: 'No answer', reached: false },
	buzon: { es: 'Buzón', en: 'Voicemail', reached: false },
	numero_equivocado: { es: 'Número equivocado', en: 'Wrong number', reached: false },
	llamar_despues: { es: 'Pidió que le llamen después', en: 'Asked to be called later', reached: true },
	no_interesado: { es: 'No interesado', en: 'Not interested', reached: true }
};

export const isCallOutcome = (v: unknown): v is CallOutcome =>
	typeof v === 'string' && (CALL_OUTCOME_KEYS as readonly string[]).includes(v);

/** Unanswered outcomes: these are what «N intentos sin respuesta» counts. */
export const UNANSWERED_OUTCOMES: readonly CallOutcome[] = CALL_OUTCOME_KEYS.filter((k) => !CALL_OUTCOMES[k].reached);

/** Quick picks for the next contact, offered under the outcome. */
export const NEXT_CONTACT_PICKS = ['en_2_horas', 'manana_temprano', 'en_3_dias'] as const;
export type NextContactPick = (typeof NEXT_CONTACT_PICKS)[number];
export const NEXT_CONTACT_PICK_LABELS: Record<NextContactPick, { es: string; en: string }> = {
	en_2_horas: { es: 'En 2 horas', en: 'In 2 hours' },
	manana_temprano: { es: 'Mañana por la mañana', en: 'Tomorrow morning' },
	en_3_dias: { es: 'En 3 días', en: 'In 3 days' }
};

export interface OfficeHours {
	/** "HH:MM", the provider's local time. */
	start: string;
	end: string;
	/** Days callbacks may be suggested on, 0 = Sunday … 6 = Saturday. */
	days: number[];
}

export interface FollowUpRules {
	/** After this many unanswered attempts … */
	giveUpAttempts: number;
	/** … spread over at least this many days, suggest cancelling as «no localizable» (never automatic). */
	giveUpDays: number;
	/** Default delay before calling again, per outcome, in minutes (null: no callback suggested). */
	callbackMinutes: Record<CallOutcome, number | null>;
	officeHours: OfficeHours;
	/** A card in «documentos pendientes» waiting on the customer longer than this enters the queue. */
	documentsWaitingDays: number;
}

export const DEFAULT_FOLLOW_UP: FollowUpRules = {
	giveUpAttempts: 5,
	giveUpDays: 7,
	callbackMinutes: {
		contesto: null,
		no_contesto: 120,
		buzon: 240,
		numero_equivocado: null,
		llamar_despues: 24 * 60,
		no_interesado: null
	},
	officeHours: { start: '09:00', end: '19:00', days: [1, 2, 3, 4, 5, 6] },
	documentsWaitingDays: 2
};
