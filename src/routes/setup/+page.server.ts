import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createSession, SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth';
import { hasAnyUser, setupFirstOrganization } from '$lib/server/services/organizations';
import { seedDemo } from '$lib/server/services/demo';
import { rememberDemoLogins } from '$lib/server/demo-logins';
import { clientIp, toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { mexicoZoneCount, timeZoneList } from '$lib/domain/time-zones';

export async function load() {
	if (await hasAnyUser((await getDb()).orm)) redirect(303, '/login');
	return { timeZones: timeZoneList(), mexicoZones: mexicoZoneCount() };
}

export const actions = {
	default: async (event) => {
		const db = await getDb();
		const values = formToObject(await event.request.formData());
		let created;
		try {
			created = await setupFirstOrganization(db, values);
		} catch (err) {
			return toFail(err, values);
		}
		if (created.demo) {
			const seeded = await seedDemo(db, created.org.id);
			rememberDemoLogins(event.cookies, { logins: seeded.logins, password: seeded.password }, event.url.protocol === 'https:');
		}
		const { token, session } = await createSession(db.orm, created.admin, {
			ip: clientIp(event),
			userAgent: event.request.headers.get('user-agent')
		});
		event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url.protocol === 'https:', session.expiresAt));
		redirect(303, '/tablero');
	}
};
