import { getDb } from '$lib/server/db';
import { createUser, listUsers, updateUser } from '$lib/server/services/users';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		return { users: await listUsers(await getDb(), locals.user!) };
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
	}
};
