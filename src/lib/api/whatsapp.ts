/** The card's WhatsApp Business (Cloud API) messages: the list with their statuses, send and retry. */
import type { z } from 'zod';
import type { cardMessages, sendFromCard } from '$lib/server/services/whatsapp';
import type { cloudSendSchema } from '$lib/schemas/whatsapp';
import { cardUrl, request } from './client';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export const whatsapp = {
	view: (cardId: string) => request<Result<typeof cardMessages>>('GET', cardUrl(cardId, 'whatsapp')),
	send: (cardId: string, input: z.input<typeof cloudSendSchema>) =>
		request<Result<typeof sendFromCard>>('POST', cardUrl(cardId, 'whatsapp'), { action: 'enviar', ...input }),
	retry: (cardId: string, id: string) => request<{ ok: true }>('POST', cardUrl(cardId, 'whatsapp'), { action: 'reintentar', id })
};
