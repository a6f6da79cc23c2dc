import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { pendingLoginFailures } from '$lib/server/services/login-failures';
import { takeDemoLogins } from '$lib/server/demo-logins';

export async function load({ locals, url, cookies }) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	// A temporary password: nothing but «Mi cuenta» until its owner picks their own.
	if (locals.user.mustChangePassword && url.pathname !== '/cuenta') redirect(303, '/cuenta');
	return {
		user: locals.user,
		loginFailures: await pendingLoginFailures(await getDb(), locals.user),
		demoLogins: locals.user.role === 'admin' ? takeDemoLogins(cookies) : null
	};
}
