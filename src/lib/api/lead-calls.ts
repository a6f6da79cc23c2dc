/** Call attempts on a card: record one, list them. */
import type { RecordCallInput } from '$lib/schemas/lead-calls';
import type { LeadCall, RecordCallResult } from '$lib/types/lead-calls';
import { cardUrl, request } from './client';

export const calls = {
	list: (cardId: string) => request<LeadCall[]>('GET', cardUrl(cardId, 'llamadas')),
	/** `nextContactAt` left out: the outcome's default from the office's cadence rules; null: no callback. */
	record: (cardId: string, input: Omit<RecordCallInput, 'installationId'>) =>
		request<RecordCallResult>('POST', cardUrl(cardId, 'llamadas'), input)
};
