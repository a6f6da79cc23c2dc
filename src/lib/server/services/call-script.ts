import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { insertCardHistory } from '../db/history';
import * as callScript from '../db/call-script';
import { scriptTickSchema } from '$lib/schemas/call-script';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { forbidden, notFound } from './errors';
import { actAs } from './card-edit';

/** Ticks or unticks one step of the call script, recording who and when. */
export async function tickScriptStep(db: Database, actor: SessionUser, rawId: unknown, raw: unknown) {
	if (!['admin', 'coordinator', 'agent'].includes(actor.role)) throw forbidden('Solo la oficina usa el guion de llamada.');
	const id = parseInput(uuidSchema, rawId);
	const { step, done } = parseInput(scriptTickSchema, raw);
	await db.begin(async (tx) => {
		await actAs(tx, actor);
		const entry = JSON.stringify({ by: actor.id, byName: actor.name, at: new Date().toISOString() });
		const changed = done ? await callScript.tick(tx, actor.orgId, id, step, entry) : await callScript.untick(tx, actor.orgId, id, step);
		if (!changed) {
			if (!(await callScript.cardExists(tx, actor.orgId, id))) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
			return;
		}
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: id,
			userId: actor.id,
			kind: 'checklist',
			field: `guion:${step}`,
			oldValue: !done,
			newValue: done,
			source: 'tarjeta'
		});
	});
}
