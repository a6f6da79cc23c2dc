import { byAction, endpoint } from '$lib/server/http/endpoint';
import { addAddon, removeAddon, servicesView, updateAddon } from '$lib/server/services/addons';
import { attachProduct, detachProduct } from '$lib/server/services/products';

export const GET = endpoint({}, ({ db, user, params }) => servicesView(db, user, params.id));

export const POST = endpoint(
	{ roles: ['admin', 'coordinator', 'agent'], what: 'cambiar los servicios', body: true },
	({ db, user, params: { id: installationId }, body }) =>
		byAction<unknown>(body, {
			agregar: (b) => addAddon(db, user, { ...b, installationId }),
			editar: (b) => updateAddon(db, user, b),
			quitar: (b) => removeAddon(db, user, b),
			producto: (b) => attachProduct(db, user, { ...b, installationId }),
			'quitar-producto': (b) => detachProduct(db, user, b)
		})
);
