/**
 * After setup with demo data, the admin is shown the demo accounts once (who they are and the
 * documented demo password), so they can try the board as an agent or a technician. Carried from
 * the setup action to the first page in a short-lived http-only cookie, read and deleted at once.
 */
import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { ROLES } from '$lib/domain/stage-registry';

const COOKIE = 'demo_logins';
const MAX_AGE_S = 10 * 60;

const payloadSchema = z.object({
	password: z.string().min(1).max(100),
	logins: z
		.array(z.object({ role: z.enum(ROLES), name: z.string().max(120), email: z.string().max(254) }))
		.min(1)
		.max(20)
});
export type DemoLogins = z.infer<typeof payloadSchema>;

export function rememberDemoLogins(cookies: Cookies, value: DemoLogins, secure: boolean): void {
	if (!value.logins.length) return;
	cookies.set(COOKIE, JSON.stringify(value), { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: MAX_AGE_S });
}

/** The demo accounts to show, once: the cookie is deleted as it is read. Null when there is none. */
export function takeDemoLogins(cookies: Cookies): DemoLogins | null {
	const raw = cookies.get(COOKIE);
	if (raw === undefined) return null;
	cookies.delete(COOKIE, { path: '/' });
	try {
		const parsed = payloadSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
