import { endpoint } from '$lib/server/http/endpoint';
import { listNotifications, markRead } from '$lib/server/services/notifications';

// Everyone signed in has notices; each person only ever reads and marks their own.
export const GET = endpoint({ noStore: true }, ({ db, user }) => listNotifications(db, user));

export const POST = endpoint({ body: true }, ({ db, user, body }) => markRead(db, user, body));
