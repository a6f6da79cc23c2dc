import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { signInPerson } from '$lib/server/services/signing';
import { jsonError } from '$lib/server/json-error';
import { clientIp } from '$lib/server/forms';
export async function POST(event) {
	const { locals, params, request } = event;
	try {
		if (!locals.user) return json({ message: 'Inicia sesión.' }, { status: 401 });
		const body = await request.json().catch(() => ({}));
		return json(
			await signInPerson(await getDb(), locals.user, params.id, body, { ip: clientIp(event), userAgent: request.headers.get('user-agent') })
		);
	} catch (err) {
		return jsonError(err);
	}
}
