import { cardPanel } from '$lib/server/services/cards';
import { endpoint } from '$lib/server/http/endpoint';

/** The card panel's data; the panel re-fetches it when the card changes (also inside the board). */
export const GET = endpoint({ noStore: true }, ({ db, user, params }) => cardPanel(db, user, params.id));
