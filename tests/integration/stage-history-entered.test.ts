/**
 * stage_history.entered_at (issue 21's reports): every move knows when the card entered the stage it
 * leaves, so a stay is one row. The trigger keeps it right for moves made now and for older moves
 * written in any order (an import, the demo's history, a backfill), on both drivers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { moveCard } from '$lib/server/services/moves';
import { insertMove as insertHistory } from './support/history';

const T0 = '2026-10-01T15:00:00.000Z';
const T1 = '2026-10-02T16:00:00.000Z';
const T2 = '2026-10-04T17:30:00.000Z';
const T3 = '2026-10-07T09:15:00.000Z';

describe.each(drivers)('stage_history.entered_at en %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	}, 120_000);
	afterAll(() => t.cleanup());

	const insertMove = (cardId: string, from: string | null, to: string, at: string) => insertHistory(t.db, o.org.id, cardId, from, to, at);
	const chain = async (cardId: string) =>
		(
			await t.db.query<{ from_stage: string | null; to_stage: string; entered_at: Date | string | null }>(
				`select from_stage, to_stage, entered_at from stage_history where installation_id = $1 order by created_at, id`,
				[cardId]
			)
		).map((r) => [r.from_stage, r.to_stage, r.entered_at === null ? null : new Date(r.entered_at).toISOString()]);

	it('en orden: la fila de creación no tiene estancia; cada movimiento, desde el anterior', async () => {
		const card = await makeCard(t.db, o.org.id, { created_at: T0 });
		await insertMove(card.id, null, 'preinstalacion', T0);
		await insertMove(card.id, 'preinstalacion', 'cobertura_confirmada', T1);
		await insertMove(card.id, 'cobertura_confirmada', 'documentos_pendientes', T2);
		expect(await chain(card.id)).toEqual([
			[null, 'preinstalacion', null],
			['preinstalacion', 'cobertura_confirmada', T0],
			['cobertura_confirmada', 'documentos_pendientes', T1]
		]);
	});

	it('en desorden y sin fila de creación: el primero empieza al crearse la tarjeta, y al llegar uno anterior se corrige el siguiente', async () => {
		const card = await makeCard(t.db, o.org.id, { created_at: T0 });
		await insertMove(card.id, 'documentos_pendientes', 'agendada', T3);
		await insertMove(card.id, 'preinstalacion', 'cobertura_confirmada', T1);
		await insertMove(card.id, 'cobertura_confirmada', 'documentos_pendientes', T2);
		expect(await chain(card.id)).toEqual([
			['preinstalacion', 'cobertura_confirmada', T0],
			['cobertura_confirmada', 'documentos_pendientes', T1],
			['documentos_pendientes', 'agendada', T2]
		]);
	});

	it('dos movimientos a la misma hora se ordenan por su número de fila', async () => {
		const card = await makeCard(t.db, o.org.id, { created_at: T0 });
		await insertMove(card.id, 'preinstalacion', 'cobertura_confirmada', T1);
		await insertMove(card.id, 'cobertura_confirmada', 'documentos_pendientes', T1);
		expect(await chain(card.id)).toEqual([
			['preinstalacion', 'cobertura_confirmada', T0],
			['cobertura_confirmada', 'documentos_pendientes', T1]
		]);
	});

	it('un movimiento del tablero guarda cuándo entró la tarjeta a la etapa que deja', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'agendada' });
		const [before] = await t.db.query<{ stage_changed_at: Date | string }>(`select stage_changed_at from installations where id = $1`, [
			card.id
		]);
		const res = await moveCard(t.db, o.coordinator, { cardId: card.id, toStage: 'documentos_pendientes', version: card.version });
		expect(res).toMatchObject({ ok: true });
		const rows = await chain(card.id);
		expect(rows.at(-1)).toEqual(['agendada', 'documentos_pendientes', new Date(before.stage_changed_at).toISOString()]);
	});
});
