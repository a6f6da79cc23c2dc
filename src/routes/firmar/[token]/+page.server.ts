import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { openLink, signByLink } from '$lib/server/services/signing';
import { clientIp, toFail } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';
import { ServiceError } from '$lib/server/services/errors';
import { limitKey } from '$lib/server/client-address';
import { signingLimits } from './limits.server';

export async function load(event) {
	const db = await getDb();
	if (!(await signingLimits.view.hit(db, limitKey(clientIp(event)))))
		error(429, 'Demasiados intentos. Espera unos minutos y vuelve a abrir el enlace.');
	event.setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	return { link: await openLink(db, event.params.token) };
}

export const actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		const db = await getDb();
		if (!(await signingLimits.sign.hit(db, limitKey(clientIp(event)))))
			return toFail(new ServiceError(429, 'Demasiados intentos. Espera unos minutos e inténtalo de nuevo.'), {});
		try {
			await signByLink(db, event.params.token, values, {
				ip: clientIp(event),
				userAgent: event.request.headers.get('user-agent')
			});
			return { signed: true };
		} catch (err) {
			return toFail(err, { signerName: values.signerName ?? '' });
		}
	}
};
