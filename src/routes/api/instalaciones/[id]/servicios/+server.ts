import { getDb } from '$lib/server/db';
import { dispatch, requireRole, respond, userOf } from '$lib/server/http/json-api';
import { addAddon, removeAddon, servicesView, updateAddon } from '$lib/server/services/addons';
import { attachProduct, detachProduct } from '$lib/server/services/products';

export const GET = async (event) => respond(async () => servicesView(await getDb(), userOf(event), event.params.id));

export const POST = async (event) => {
	const user = userOf(event);
	requireRole(user, ['admin', 'coordinator', 'agent'], 'cambiar los servicios');
	const db = await getDb();
	const installationId = event.params.id;
	return dispatch(event.request, {
		agregar: (b) => addAddon(db, user, { ...b, installationId }),
		editar: (b) => updateAddon(db, user, b),
		quitar: (b) => removeAddon(db, user, b),
		producto: (b) => attachProduct(db, user, { ...b, installationId }),
		'quitar-producto': (b) => detachProduct(db, user, b)
	});
};
