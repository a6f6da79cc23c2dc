import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { IMPORT_ROLES, importLeads, previewImport } from '$lib/server/services/lead-import';
import type { ImportFile } from '$lib/server/services/lead-import-file';
import { toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { IMPORT_MAX_BYTES } from '$lib/domain/lead-import';

export async function load({ locals }) {
	if (!(IMPORT_ROLES as readonly string[]).includes(locals.user!.role)) {
		error(403, 'Solo un administrador o un coordinador puede importar clientes desde un archivo.');
	}
}

/** The posted form: the file (bytes kept only for this request, never stored) and the choices. */
async function readForm(request: Request): Promise<{ file: ImportFile | null; values: Record<string, string> }> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		// Not a form at all: the service still answers (the role first, then what is missing).
		return { file: null, values: {} };
	}
	const upload = form.get('file');
	// Larger than the limit: refused by the service without reading it into memory twice.
	const file =
		upload instanceof File && upload.size > 0
			? {
					name: upload.name,
					bytes: upload.size > IMPORT_MAX_BYTES ? new Uint8Array(upload.size) : new Uint8Array(await upload.arrayBuffer())
				}
			: null;
	return { file, values: formToObject(form) };
}

export const actions = {
	preview: async ({ request, locals }) => {
		const posted = await readForm(request);
		try {
			return { preview: await previewImport(await getDb(), locals.user!, posted.file, posted.values) };
		} catch (err) {
			return toFail(err, posted.values);
		}
	},
	importar: async ({ request, locals }) => {
		const posted = await readForm(request);
		try {
			return { result: await importLeads(await getDb(), locals.user!, posted.file, posted.values) };
		} catch (err) {
			return toFail(err, posted.values);
		}
	}
};
