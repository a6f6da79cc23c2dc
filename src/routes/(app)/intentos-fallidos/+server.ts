import { json, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { dismissLoginFailures } from '$lib/server/services/login-failures';
import { formToObject } from '$lib/server/validation';
import { ServiceError } from '$lib/server/services/errors';
import { safeNextPath } from '$lib/domain/redirects';

/** The user menu's «Entendido»: a fetch gets JSON; a form posted without JavaScript goes back. */
export async function POST({ request, locals }) {
	const values = formToObject(await request.formData());
	const wantsJson = request.headers.get('accept')?.includes('application/json');
	try {
		const dismissed = await dismissLoginFailures(await getDb(), locals.user!, values);
		if (wantsJson) return json({ dismissed });
	} catch (err) {
		if (!(err instanceof ServiceError)) throw err;
		if (wantsJson) return json({ message: err.message }, { status: err.status });
	}
	redirect(303, safeNextPath(values.volver));
}
