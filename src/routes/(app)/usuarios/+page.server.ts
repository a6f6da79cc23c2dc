import { getDb } from '$lib/server/db';
import { createUser, listUsers, updateUser } from '$lib/server/services/users';
import { resetUserPassword } from '$lib/server/services/passwords';
import { createInvitation, listInvitations, revokeInvitation } from '$lib/server/services/invitations';
import { removeTwoFactor } from '$lib/server/services/two-factor';
import { mailConfigured } from '$lib/server/mail/mailer';
import { fail } from '@sveltejs/kit';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		const db = await getDb();
		return {
			me: locals.user!.id,
			users: await listUsers(db, locals.user!),
			invitations: await listInvitations(db, locals.user!),
			mail: mailConfigured()
		};
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	create: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			const user = await createUser(await getDb(), locals.user!, values);
			return { created: user.name };
		} catch (err) {
			return toFail(err, values);
		}
	},
	update: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			await updateUser(await getDb(), locals.user!, values);
			return { updated: true };
		} catch (err) {
			return toFail(err, values);
		}
	},
	/** The new temporary password is in this answer only. */
	resetPassword: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			return { reset: await resetUserPassword(await getDb(), locals.user!, values) };
		} catch (err) {
			return toFail(err, values);
		}
	},
	removeTwoFactor: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			return { twoFactorRemoved: (await removeTwoFactor(await getDb(), locals.user!, values)).name };
		} catch (err) {
			return toFail(err, values);
		}
	},
	invite: async ({ request, locals, url }) => {
		const values = formToObject(await request.formData());
		try {
			return { invited: await createInvitation(await getDb(), locals.user!, values, url.origin) };
		} catch (err) {
			// Marked, so the invitation form shows it and not the new-user form beside it.
			const f = toFail(err, values);
			return fail(f.status, { ...f.data, which: 'invite' as const });
		}
	},
	revokeInvitation: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			await revokeInvitation(await getDb(), locals.user!, values);
			return { revoked: true };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
