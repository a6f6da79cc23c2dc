import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { changePassword } from '$lib/server/services/passwords';
import { confirmTwoFactor, disableTwoFactor, startTwoFactor, twoFactorStatus } from '$lib/server/services/two-factor';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { homeFor } from '$lib/domain/redirects';

/** Which of the page's forms a refusal belongs to, so only that form shows it. */
function failed(which: 'password' | 'twoFactor', err: unknown, values?: Record<string, string>) {
	const f = toFail(err, values);
	return fail(f.status, { ...f.data, which });
}

export async function load({ locals }) {
	const user = locals.user!;
	try {
		return {
			mustChange: !!user.mustChangePassword,
			twoFactor: user.mustChangePassword ? null : await twoFactorStatus(await getDb(), user)
		};
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	password: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			await changePassword(await getDb(), locals.user!, locals.session!.id, values);
		} catch (err) {
			return failed('password', err, values);
		}
		// A temporary password replaced: the rest of the app opens.
		if (locals.user!.mustChangePassword) redirect(303, homeFor(locals.user!.role));
		return { passwordChanged: true };
	},
	twoFactorStart: async ({ locals }) => {
		try {
			await startTwoFactor(await getDb(), locals.user!);
			return { twoFactorStarted: true };
		} catch (err) {
			return failed('twoFactor', err);
		}
	},
	twoFactorConfirm: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			return await confirmTwoFactor(await getDb(), locals.user!, values);
		} catch (err) {
			return failed('twoFactor', err, values);
		}
	},
	twoFactorDisable: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			await disableTwoFactor(await getDb(), locals.user!, values);
			return { twoFactorDisabled: true };
		} catch (err) {
			return failed('twoFactor', err, values);
		}
	}
};
