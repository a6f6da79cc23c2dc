import { tickScriptStep } from '$lib/server/services/call-script';
import { endpoint } from '$lib/server/http/endpoint';

export const POST = endpoint({ body: true }, async ({ db, user, params, body }) => {
	await tickScriptStep(db, user, params.id, body);
});
