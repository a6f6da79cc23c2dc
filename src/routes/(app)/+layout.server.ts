import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { pendingLoginFailures } from '$lib/server/services/login-failures';

export async function load({ locals, url }) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return { user: locals.user, loginFailures: await pendingLoginFailures(await getDb(), locals.user) };
}
