/**
 * Calls that post to a form's action (progressive enhancement: the same URL works without
 * JavaScript), read the same way as the JSON endpoints.
 */
import { deserialize } from '$app/forms';
import { ApiError, FAILED_MESSAGE, NETWORK_MESSAGE, request, type ApiResult } from './client';

/** The user menu's «Entendido» on the failed-login warning; the endpoint answers JSON when asked. */
export const dismissLoginFailures = (form: HTMLFormElement) => request<{ dismissed: number }>('POST', form.action, new FormData(form));

export interface RescheduleInput {
	installationId: string;
	installationDate: string;
	technicianId: string;
}

/** The calendar's drag and drop: its `reschedule` form action, answered as an ApiResult. */
export async function reschedule(input: RescheduleInput): Promise<ApiResult<{ moved?: { warnings?: string[] } }>> {
	const body = new FormData();
	for (const [k, v] of Object.entries(input)) body.set(k, v);
	let text: string;
	try {
		const res = await fetch('/calendario?/reschedule', { method: 'POST', body, headers: { 'x-sveltekit-action': 'true' } });
		text = await res.text();
	} catch {
		return { ok: false, error: new ApiError(0, NETWORK_MESSAGE) };
	}
	const result = deserialize(text);
	if (result.type === 'success') return { ok: true, data: (result.data ?? {}) as { moved?: { warnings?: string[] } } };
	if (result.type === 'failure') {
		const data = (result.data ?? {}) as { message?: string; errors?: Record<string, string[]> };
		return { ok: false, error: new ApiError(result.status, data.message ?? FAILED_MESSAGE, data.errors ?? {}, data) };
	}
	if (result.type === 'error') return { ok: false, error: new ApiError(result.status ?? 500, FAILED_MESSAGE) };
	return { ok: false, error: new ApiError(303, FAILED_MESSAGE) };
}
