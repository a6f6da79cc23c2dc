import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { hasAnyUser } from '$lib/server/services/organizations';
import { homeFor } from '$lib/domain/redirects';

export async function load({ locals }) {
	if (locals.user) redirect(303, homeFor(locals.user.role));
	redirect(303, (await hasAnyUser((await getDb()).orm)) ? '/login' : '/setup');
}
