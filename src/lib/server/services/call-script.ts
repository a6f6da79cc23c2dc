import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { insertCardHistory } from '../db/history';
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
		const rows = await tx.query(
			done
				? `update installations set call_script = call_script || jsonb_build_object($3::text, $4::text::jsonb)
				   where org_id = $1 and id = $2 and not (call_script ? $3::text) returning id`
				: `update installations set call_script = call_script - $3::text where org_id = $1 and id = $2 and (call_script ? $3::text) returning id`,
			done ? [actor.orgId, id, step, entry] : [actor.orgId, id, step]
		);
		if (!rows.length) {
			const [exists] = await tx.query('select 1 from installations where org_id = $1 and id = $2', [actor.orgId, id]);
			if (!exists) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
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
