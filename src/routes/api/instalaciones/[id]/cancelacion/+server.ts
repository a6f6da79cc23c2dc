import { cancellationOf } from '$lib/server/services/reopen';
import { endpoint } from '$lib/server/http/endpoint';

/** A cancelled card's cancellation (reason, refund checklist, where reopening goes, its old IP); null otherwise. */
export const GET = endpoint({ noStore: true }, async ({ db, user, params }) => ({
	cancellation: await cancellationOf(db, user, params.id)
}));
