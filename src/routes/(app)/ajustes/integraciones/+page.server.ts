import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as whatsapp from '$lib/server/services/whatsapp';
import { importCatalogs, jobList, mapItem, retryJob, saveSettings, settingsView, testConnection } from '$lib/server/services/wisphub';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals, url }) {
	try {
		const db = await getDb();
		const [settings, jobs] = await Promise.all([
			settingsView(db, locals.user!),
			jobList(db, locals.user!, { state: url.searchParams.get('estado') ?? '', q: url.searchParams.get('q') ?? '' })
		]);
		return { settings, ...jobs, whatsapp: await whatsapp.settingsView(db, locals.user!) };
	} catch (err) {
		toHttpError(err);
	}
}

/** Each action: read the form, call the service, answer its Spanish message or refusal. */
const action =
	<T>(run: (values: Record<string, string>, user: NonNullable<App.Locals['user']>) => Promise<T>) =>
	async ({ request, locals }: { request: Request; locals: App.Locals }) => {
		const values = formToObject(await request.formData());
		try {
			return await run(values, locals.user!);
		} catch (err) {
			// The key typed is never sent back into the form.
			const { apiKey: _, ...safe } = values;
			return toFail(err, safe);
		}
	};

/** The WhatsApp section's actions: its secrets are never sent back, and its answers say they are its own (`wa`). */
const waAction =
	<T>(run: (values: Record<string, string>, user: NonNullable<App.Locals['user']>) => Promise<T>) =>
	async ({ request, locals }: { request: Request; locals: App.Locals }) => {
		const { accessToken: _t, appSecret: _s, verifyToken: _v, ...safe } = formToObject(await request.formData());
		const values = { ...safe, accessToken: _t ?? '', appSecret: _s ?? '', verifyToken: _v ?? '' };
		try {
			return { wa: true, ...(await run(values, locals.user!)) };
		} catch (err) {
			const failure = toFail(err, safe);
			return fail(failure.status, { ...failure.data, wa: true });
		}
	};

export const actions = {
	waSave: waAction(async (v, user) => (await whatsapp.saveSettings(await getDb(), user, v), { waSaved: true })),
	waTest: waAction(async (v, user) => ({ waTested: (await whatsapp.testConnection(await getDb(), user, v)).message })),
	save: action(async (v, user) => (await saveSettings(await getDb(), user, v), { saved: true })),
	test: action(async (v, user) => ({ tested: (await testConnection(await getDb(), user, v)).message })),
	import: action(async (_v, user) => ({ imported: (await importCatalogs(await getDb(), user)).message })),
	map: action(async (v, user) => (await mapItem(await getDb(), user, v), { mapped: true })),
	retry: action(async (v, user) => (await retryJob(await getDb(), user, v), { retried: true }))
};
