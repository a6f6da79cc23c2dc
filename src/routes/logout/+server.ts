import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalidateSession, SESSION_COOKIE } from '$lib/server/auth';

export async function POST({ locals, cookies }) {
	if (locals.session) await invalidateSession(await getDb(), locals.session.id);
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/login');
}
