import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { hasAnyUser } from '$lib/server/services/organizations';

export async function load({ locals }) {
	if (locals.user) redirect(303, '/tablero');
	redirect(303, (await hasAnyUser((await getDb()).orm)) ? '/login' : '/setup');
}
