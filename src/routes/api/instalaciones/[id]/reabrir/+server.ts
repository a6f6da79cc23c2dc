import { json } from '@sveltejs/kit';
import { reopenCard } from '$lib/server/services/reopen';
import { endpoint } from '$lib/server/http/endpoint';

/** «Reabrir»: {reason, overrideReason?, expectedVersion?}; a stage guard's refusal answers 422 with its reasons. */
export const POST = endpoint(
	{ body: true, roles: ['admin', 'coordinator'], what: 'reabrir una tarjeta cancelada' },
	async ({ db, user, params, body }) => {
		const result = await reopenCard(db, user, params.id, body);
		return json(result, { status: result.ok ? 200 : result.status });
	}
);
