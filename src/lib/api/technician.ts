/** The technician's offline queue replaying against the server: one action, or one photo with its key. */
import type { QueuedActionInput, QueuedPhotoResult, QueuedResult } from '$lib/schemas/technician-sync';
import { ApiError, cardUrl, FAILED_MESSAGE, NETWORK_MESSAGE, readResult, request, type ApiResult } from './client';

export const technician = {
	send: (jobId: string, action: QueuedActionInput) => request<QueuedResult>('POST', cardUrl(jobId, 'tecnico'), action),
	/** XHR for the upload progress; the key travels as Idempotency-Key so a resend is stored once. */
	photo(
		jobId: string,
		key: string,
		file: Blob,
		name: string,
		onProgress: (percent: number) => void
	): Promise<ApiResult<QueuedPhotoResult>> {
		const body = new FormData();
		body.set('file', file, name);
		return new Promise((resolve) => {
			const xhr = new XMLHttpRequest();
			xhr.open('POST', cardUrl(jobId, 'tecnico/foto'));
			xhr.setRequestHeader('accept', 'application/json');
			xhr.setRequestHeader('idempotency-key', key);
			xhr.upload.onprogress = (e) => {
				if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
			};
			xhr.onload = () => {
				const res = new Response(xhr.responseText || null, {
					status: xhr.status,
					headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'text/plain' }
				});
				void readResult<QueuedPhotoResult>(res).then(resolve);
			};
			xhr.onerror = () => resolve({ ok: false, error: new ApiError(0, NETWORK_MESSAGE) });
			xhr.onabort = () => resolve({ ok: false, error: new ApiError(0, FAILED_MESSAGE) });
			xhr.send(body);
		});
	}
};
