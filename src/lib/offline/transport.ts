/** The queue's transport over HTTP: an answer's status decides whether to retry, block or drop. */
import { technician } from '$lib/api';
import type { ApiResult } from '$lib/api';
import type { QueuedResult } from '$lib/schemas/technician-sync';
import type { QueuedAction, SendOutcome, Transport } from './queue';

/** No answer, a timeout, the server or a proxy down, a rate limit: the same request may work later. */
const retryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

function outcome(res: ApiResult<QueuedResult>): SendOutcome {
	if (res.ok) return { type: 'done', result: res.data };
	if (retryable(res.error.status) || res.error.status === 401) return { type: 'unreachable' };
	return { type: 'refused', message: res.error.message };
}

export const httpTransport: Transport = {
	async send(action: QueuedAction, onProgress) {
		const p = action.payload;
		if (p.kind === 'foto') return outcome(await technician.photo(action.jobId, action.key, p.blob, p.name, onProgress));
		const body =
			p.kind === 'campos'
				? { kind: p.kind, key: action.key, fields: p.fields, base: p.base }
				: p.kind === 'llegada'
					? { kind: p.kind, key: action.key, at: p.at, coords: p.coords }
					: { kind: p.kind, key: action.key };
		return outcome(await technician.send(action.jobId, body));
	}
};
