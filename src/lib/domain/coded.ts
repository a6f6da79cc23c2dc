/**
 * A sentence handed from the server or a rule to whoever reads it, as a message code and its
 * inputs, so each reader gets it in their own language (i18n/translate.ts words it with the
 * Paraglide messages). A code is its message key with dots: `guard.missing_email` is
 * `guard_missing_email` in es.json and en.json.
 *
 * An input may itself be coded (a stage name, a field's short label), or a list of coded items,
 * which reads as «a» o «b» in Spanish and “a” or “b” in English.
 */
export type CodedParam = string | number | Coded | readonly Coded[];

export interface Coded {
	code: string;
	params?: Readonly<Record<string, CodedParam>>;
}

export const coded = (code: string, params?: Record<string, CodedParam>): Coded => (params ? { code, params } : { code });

export const isCoded = (v: unknown): v is Coded =>
	typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Coded).code === 'string';

/**
 * A civil date (AAAA-MM-DD) or a month (1–12) as a coded input: translate() writes it the reader's
 * way («3 jun 2026», “Jun 3, 2026”), so money explanations keep their dates in either language.
 */
export const codedDate = (date: string): Coded => ({ code: 'date', params: { date } });
export const codedMonth = (month: number): Coded => ({ code: 'month', params: { month } });
