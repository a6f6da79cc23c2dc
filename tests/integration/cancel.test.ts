// Two people cancelling one card: the first reason stays, the second person hears who and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { count, makeLead } from './support/card-fixtures';
import { cancelCard } from '$lib/server/services/cancellations';
import { markNoCoverage } from '$lib/server/services/coverage';
import { moveCard } from '$lib/server/services/moves';

const SECOND_REFUSED = 'Tu motivo no se guardó; si quieres dejarlo, escríbelo en los comentarios de la tarjeta.';

describe.each(drivers)('cancelling a card on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());

	const cardState = async (id: string) => {
		const [row] = await t.db.query<{ stage: string; cancel_reason: string; cancel_note: string | null; version: number }>(
			'select stage, cancel_reason, cancel_note, version from installations where id = $1',
			[id]
		);
		return {
			...row,
			stageRows: await count(t.db, 'stage_history', `installation_id = $1 and to_stage = 'cancelada'`, [id]),
			events: await count(t.db, 'board_events', 'card_id = $1', [id])
		};
	};

	it('answers the second of two simultaneous cancels with 409 naming the first, and keeps the first reason', async () => {
		for (let round = 0; round < 3; round++) {
			const { id } = await makeLead(t.db, o.agent, `Cliente ${round}`);
			const results = await Promise.allSettled([
				markNoCoverage(t.db, o.agent, id, { note: 'Fuera del área' }),
				cancelCard(t.db, o.coordinator, id, { reason: 'declino', note: 'Se queda con su proveedor' })
			]);
			const ok = results.filter((r) => r.status === 'fulfilled');
			const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
			expect(ok).toHaveLength(1);
			expect(refused).toHaveLength(1);
			const firstWasAgent = results[0].status === 'fulfilled';
			expect(refused[0].reason).toMatchObject({
				status: 409,
				message: firstWasAgent
					? `Alma Agente ya canceló esta instalación: Sin cobertura (Fuera del área). ${SECOND_REFUSED}`
					: `Carlos Coordinador ya canceló esta instalación: Declinó (Se queda con su proveedor). ${SECOND_REFUSED}`
			});
			expect(await cardState(id)).toMatchObject(
				firstWasAgent
					? { stage: 'cancelada', cancel_reason: 'sin_cobertura', cancel_note: 'Fuera del área', stageRows: 1 }
					: { stage: 'cancelada', cancel_reason: 'declino', cancel_note: 'Se queda con su proveedor', stageRows: 1 }
			);
		}
	});

	it('refuses a later cancel with 409 and writes nothing for it', async () => {
		const { id } = await makeLead(t.db, o.agent);
		const { version } = await cancelCard(t.db, o.coordinator, id, { reason: 'no_localizable' });
		const before = await cardState(id);
		expect(before).toMatchObject({ stage: 'cancelada', cancel_reason: 'no_localizable', cancel_note: null, version, stageRows: 1 });
		await expect(markNoCoverage(t.db, o.agent, id, { note: 'Fuera del área' })).rejects.toMatchObject({
			status: 409,
			message: `Carlos Coordinador ya canceló esta instalación: No localizable. ${SECOND_REFUSED}`
		});
		await expect(
			cancelCard(t.db, o.admin, id, { reason: 'otro', note: 'Cambió de domicilio', expectedVersion: version })
		).rejects.toMatchObject({ status: 409 });
		expect(await cardState(id)).toEqual(before);
	});

	it('refuses a cancel made on an older version of the card', async () => {
		const { id } = await makeLead(t.db, o.agent);
		const [{ version }] = await t.db.query<{ version: number }>('select version from installations where id = $1', [id]);
		await t.db.query(`update installations set comments = 'Llamar después de las 5' where id = $1`, [id]);
		const before = await cardState(id);
		await expect(cancelCard(t.db, o.agent, id, { reason: 'declino', expectedVersion: version })).rejects.toMatchObject({
			status: 409,
			message: expect.stringMatching(/^Alguien cambió esta tarjeta mientras la veías/)
		});
		expect(await cardState(id)).toEqual(before);
		await expect(cancelCard(t.db, o.agent, id, { reason: 'declino', expectedVersion: version + 1 })).resolves.toMatchObject({
			version: version + 2
		});
	});

	it('refuses bad input in Spanish and a technician outright', async () => {
		const { id } = await makeLead(t.db, o.agent);
		await expect(cancelCard(t.db, o.agent, id, { reason: 'caro' })).rejects.toMatchObject({
			status: 400,
			message: 'Elige un motivo de cancelación de la lista: sin cobertura, declinó, no localizable, duplicado u otro.'
		});
		await expect(cancelCard(t.db, o.agent, id, { reason: 'otro' })).rejects.toMatchObject({
			status: 422,
			message: expect.stringMatching(/Otro/)
		});
		await expect(cancelCard(t.db, o.technician, id, { reason: 'declino' })).rejects.toMatchObject({ status: 403 });
		expect(await cardState(id)).toMatchObject({ stage: 'preinstalacion', stageRows: 0 });
	});

	it('answers a board move that brings a reason to an already cancelled card with the same 409', async () => {
		const { id } = await makeLead(t.db, o.agent);
		const [{ version }] = await t.db.query<{ version: number }>('select version from installations where id = $1', [id]);
		await markNoCoverage(t.db, o.agent, id, {});
		const before = await cardState(id);
		const res = await moveCard(t.db, o.coordinator, { cardId: id, toStage: 'cancelada', version, cancelReason: 'duplicado' });
		expect(res).toMatchObject({
			ok: false,
			status: 409,
			message: `Alma Agente ya canceló esta instalación: Sin cobertura. ${SECOND_REFUSED}`
		});
		expect(await cardState(id)).toEqual(before);
	});
});
