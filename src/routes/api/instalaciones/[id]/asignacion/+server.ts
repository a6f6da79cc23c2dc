import { getDb } from '$lib/server/db';
import { dispatch, requireRole, respond, userOf } from '$lib/server/http/json-api';
import { assignTechnician, assignmentOptions } from '$lib/server/services/assignment';

export const GET = async (event) =>
	respond(async () => assignmentOptions(await getDb(), userOf(event), event.params.id, event.url.searchParams.get('fecha') ?? undefined));

export const POST = async (event) => {
	const user = userOf(event);
	requireRole(user, ['admin', 'coordinator'], 'asignar técnicos');
	const db = await getDb();
	return dispatch(event.request, {
		asignar: (b) => assignTechnician(db, user, { ...b, installationId: event.params.id })
	});
};
