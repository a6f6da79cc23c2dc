import type { Database } from '../db';
import * as loginFailures from '../db/login-failures';
import { parseInput } from '../validation';
import { dismissLoginFailuresSchema } from '$lib/schemas/login-failures';

type Actor = { id: string };

/** Failed sign-ins to the actor's account since they last dismissed the notice. */
export function pendingLoginFailures(db: Database, actor: Actor) {
	return loginFailures.pending(db, actor.id);
}

/** The owner read the notice: failures up to the newest one shown stop being listed. */
export async function dismissLoginFailures(db: Database, actor: Actor, raw: unknown): Promise<number> {
	const { hasta } = parseInput(dismissLoginFailuresSchema, raw);
	return loginFailures.dismiss(db, actor.id, hasta);
}
