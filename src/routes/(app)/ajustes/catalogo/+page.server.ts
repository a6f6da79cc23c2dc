import { getDb } from '$lib/server/db';
import { listCatalog, savePlan, saveProduct } from '$lib/server/services/catalog';
import { requireAdmin } from '$lib/server/services/roles';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals }) {
	try {
		requireAdmin(locals.user!, 'editar el catálogo');
		return { catalog: await listCatalog(await getDb(), locals.user!) };
	} catch (err) {
		toHttpError(err);
	}
}

const save =
	(fn: typeof savePlan) =>
	async ({ request, locals }: { request: Request; locals: App.Locals }) => {
		const values = formToObject(await request.formData());
		try {
			await fn(await getDb(), locals.user!, values);
			return { saved: values.id || 'new', form: values.form };
		} catch (err) {
			return toFail(err, values);
		}
	};

export const actions = { plan: save(savePlan), product: save(saveProduct) };
