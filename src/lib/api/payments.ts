/** Money at the door: the amount to collect, the payments taken and their receipts. */
import type { z } from 'zod';
import type { paymentsView, recordPayment } from '$lib/server/services/payments';
import type { recordPaymentSchema, voidPaymentSchema } from '$lib/schemas/payments';
import { cardUrl, request } from './client';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type Input<S extends z.ZodType> = Omit<z.input<S>, 'installationId'>;

export const payments = {
	view: (cardId: string) => request<Result<typeof paymentsView>>('GET', cardUrl(cardId, 'pagos')),
	record: (cardId: string, input: Input<typeof recordPaymentSchema>) =>
		request<Result<typeof recordPayment>>('POST', cardUrl(cardId, 'pagos'), { action: 'registrar', ...input }),
	void: (cardId: string, input: Input<typeof voidPaymentSchema>) =>
		request<{ ok: true }>('POST', cardUrl(cardId, 'pagos'), { action: 'anular', ...input }),
	/** The receipt PDF's address, for a download link (not a fetch). */
	receiptUrl: (cardId: string, paymentId: string) => `${cardUrl(cardId, 'pagos')}/${encodeURIComponent(paymentId)}/recibo`
};
