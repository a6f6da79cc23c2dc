import { json, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { dismissLoginFailures } from '$lib/server/services/login-failures';
import { formToObject } from '$lib/server/validation';
import { refusalOf } from '$lib/server/services/errors';
import { refusalResponse } from '$lib/server/http/endpoint';
import { safeNextPath } from '$lib/domain/redirects';

/**
 * The user menu's «Entendido», a form first: posted without JavaScript it goes back to the page;
 * from $lib/api (Accept: JSON) it answers JSON, refusals in the same shape as every endpoint.
 */
export async function POST({ request, locals }) {
	const wantsJson = request.headers.get('accept')?.includes('application/json');
	let values: Record<string, string>;
	try {
		values = formToObject(await request.formData());
	} catch {
		// Not a form (JSON, a broken multipart body…): the same Spanish 400 as a bad field.
		const message = 'La solicitud no es válida; recarga la página e inténtalo de nuevo.';
		return wantsJson ? json({ message }, { status: 400 }) : new Response(message, { status: 400 });
	}
	try {
		const dismissed = await dismissLoginFailures(await getDb(), locals.user!, values);
		if (wantsJson) return json({ dismissed });
	} catch (err) {
		if (wantsJson) return refusalResponse(err);
		if (!refusalOf(err)) throw err;
	}
	redirect(303, safeNextPath(values.volver));
}
