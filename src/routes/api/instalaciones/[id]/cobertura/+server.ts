import { checkCoverage, confirmCoverage, markNoCoverage } from '$lib/server/services/coverage';
import { endpoint } from '$lib/server/http/endpoint';

/** {action: 'sugerir' | 'confirmar' | 'sin_cobertura', …}. */
export const POST = endpoint({ body: true }, async ({ db, user, params, body }) => {
	const action = (body as { action?: unknown } | null)?.action;
	if (action === 'confirmar') return confirmCoverage(db, user, params.id, body);
	if (action === 'sin_cobertura') return markNoCoverage(db, user, params.id, body).then(() => ({ ok: true }));
	return checkCoverage(db, user, body);
});
