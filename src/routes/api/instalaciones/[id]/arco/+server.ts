import { endpoint } from '$lib/server/http/endpoint';
import { downloadResponse } from '$lib/server/services/exports';
import { erasePersonalData, exportPersonalData } from '$lib/server/services/arco';

const ARCO = { roles: ['admin'], what: 'exportar ni eliminar los datos personales de un cliente' } as const;

/** ARCO access: everything held about the card's customer, as a zip (datos.json and their files). */
export const GET = endpoint(ARCO, async ({ db, user, params }) => downloadResponse(await exportPersonalData(db, user, params.id)));

/** ARCO cancellation: {confirm: «ELIMINAR <folio>», reason}; erases the customer's personal data. */
export const POST = endpoint({ ...ARCO, body: true }, ({ db, user, params, body }) => erasePersonalData(db, user, params.id, body));
