/**
 * What the history's triggers store for the reports (issue 21): each move's stay_hours (the stay
 * it ended) and each card's first entry into preinstalación and activa (card_reach), right for
 * moves made now and for older moves written in any order (an import, a backfill), on both drivers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { moveCard } from '$lib/server/services/moves';
import { insertMove as insertHistory } from './support/history';

const T0 = '2026-10-01T15:00:00.000Z';
const T1 = '2026-10-02T16:00:00.000Z'; // 25 h after T0
const T2 = '2026-10-04T17:30:00.000Z'; // 49.5 h after T1
const T3 = '2026-10-07T09:15:00.000Z'; // 63.75 h after T2

describe.each(drivers)('horas de cada estancia y primeras entradas en %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	}, 120_000);
	afterAll(() => t.cleanup());

	const insertMove = (cardId: string, from: string | null, to: string, at: string) => insertHistory(t.db, o.org.id, cardId, from, to, at);
	const stays = async (cardId: string) =>
		(
			await t.db.query<{ to_stage: string; stay_hours: number | null }>(
				`select to_stage, stay_hours from stage_history where installation_id = $1 order by created_at, id`,
				[cardId]
			)
		).map((r) => [r.to_stage, r.stay_hours]);
	const reach = async (cardId: string) => {
		const [r] = await t.db.query<{ pre: Date | string | null; act: Date | string | null }>(
			`select first_preinstalacion_at as pre, first_activa_at as act from card_reach where installation_id = $1`,
			[cardId]
		);
		const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
		return { pre: iso(r.pre), act: iso(r.act) };
	};

	it('en orden: la fila de creación no tiene horas; cada movimiento, las de la estancia que termina', async () => {
		const card = await makeCard(t.db, o.org.id, { created_at: T0 });
		await insertMove(card.id, null, 'preinstalacion', T0);
		await insertMove(card.id, 'preinstalacion', 'cobertura_confirmada', T1);
		await insertMove(card.id, 'cobertura_confirmada', 'documentos_pendientes', T2);
		expect(await stays(card.id)).toEqual([
			['preinstalacion', null],
			['cobertura_confirmada', 25],
			['documentos_pendientes', 49.5]
		]);
		expect(await reach(card.id)).toEqual({ pre: T0, act: null });
	});

	it('en desorden: al llegar un movimiento anterior se corrigen las horas del siguiente y las primeras entradas', async () => {
		const card = await makeCard(t.db, o.org.id, { created_at: T0 });
		await insertMove(card.id, 'firmada', 'activa', T3);
		expect(await stays(card.id)).toEqual([['activa', 138.25]]);
		expect(await reach(card.id)).toEqual({ pre: null, act: T3 });
		await insertMove(card.id, 'preinstalacion', 'activa', T1);
		await insertMove(card.id, 'activa', 'firmada', T2);
		expect(await stays(card.id)).toEqual([
			['activa', 25],
			['firmada', 49.5],
			['activa', 63.75]
		]);
		expect(await reach(card.id)).toEqual({ pre: null, act: T1 });
		// A preinstalación entry recorded late, and an earlier one after it: the earliest stays.
		await insertMove(card.id, 'activa', 'preinstalacion', T2);
		await insertMove(card.id, null, 'preinstalacion', T0);
		await insertMove(card.id, 'preinstalacion', 'preinstalacion', T3);
		expect(await reach(card.id)).toEqual({ pre: T0, act: T1 });
	});

	it('un movimiento del tablero guarda las horas desde que la tarjeta entró a la etapa que deja', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'agendada' });
		const res = await moveCard(t.db, o.coordinator, { cardId: card.id, toStage: 'documentos_pendientes', version: card.version });
		expect(res).toMatchObject({ ok: true });
		const [row] = await t.db.query<{ same: boolean; h: number }>(
			`select stay_hours = (extract(epoch from created_at - entered_at) / 3600.0)::float8 as same, stay_hours as h
			 from stage_history where installation_id = $1 and from_stage = 'agendada'`,
			[card.id]
		);
		expect(row.same).toBe(true);
		expect(row.h).toBeGreaterThanOrEqual(0);
	});
});
