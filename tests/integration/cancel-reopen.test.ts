// Issue 18, item 1: cancel with a reason of the provider's list (and the refund checklist of a
// signed customer), reopen to the stage the card left, its IP back only if still free.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { count } from './support/card-fixtures';
import { cancelCard } from '$lib/server/services/cancellations';
import { reopenCard, cancellationOf } from '$lib/server/services/reopen';
import { moveCard } from '$lib/server/services/moves';
import { getOrg, saveSettings } from '$lib/server/services/settings';
import { saveCancelReasons } from '$lib/server/services/settings-card';
import { markNoCoverage } from '$lib/server/services/coverage';
import { DEFAULT_CANCEL_REASONS } from '$lib/domain/cancel-reasons';

describe.each(drivers)('cancel with a reason and reopen on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	let zoneId: string;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		[{ id: zoneId }] = await t.db.query<{ id: string }>(
			`insert into zones (org_id, name, payment_day, billing_mode) values ($1, 'RB2 ZONA NORTE DÍA 5', 5, 'prepago') returning id`,
			[o.org.id]
		);
	});
	afterAll(() => t.cleanup());

	/** A card whose coverage is confirmed, holding `ip` in the zone. */
	const coveredCard = async (ip: string | null, fields: Record<string, unknown> = {}) => {
		const card = await makeCard(t.db, o.org.id, {
			stage: 'cobertura_confirmada',
			lat: 21.16,
			lng: -86.82,
			zone_id: zoneId,
			service_type: 'fibra',
			...(ip ? { ip } : {}),
			...fields
		});
		if (ip)
			await t.db.query('insert into ip_allocations (org_id, zone_id, installation_id, ip) values ($1, $2, $3, $4)', [
				o.org.id,
				zoneId,
				card.id,
				ip
			]);
		return card;
	};
	const state = async (id: string) => {
		const [row] = await t.db.query<{ stage: string; reason: string | null; note: string | null; ip: string | null; version: number }>(
			'select stage, cancel_reason as reason, cancel_note as note, host(ip) as ip, version from installations where id = $1',
			[id]
		);
		return {
			...row,
			allocations: await count(t.db, 'ip_allocations', 'installation_id = $1', [id]),
			cancellations: await count(t.db, 'cancellations', 'installation_id = $1', [id]),
			moves: await count(t.db, 'stage_history', 'installation_id = $1', [id]),
			notes: await count(t.db, 'card_history', 'installation_id = $1', [id]),
			events: await count(t.db, 'board_events', 'card_id = $1', [id])
		};
	};
	const lastCancellation = async (id: string) =>
		(
			await t.db.query<{
				from_stage: string;
				reason: string;
				reason_label: string;
				note: string | null;
				refund_checklist: unknown;
				released_ip: string | null;
			}>(
				`select from_stage, reason, reason_label, note, refund_checklist, host(released_ip) as released_ip
				 from cancellations where installation_id = $1 order by id desc limit 1`,
				[id]
			)
		)[0];

	it('cancels from the board with each reason of the default list, recording its words and releasing the IP', async () => {
		for (const [i, r] of DEFAULT_CANCEL_REASONS.entries()) {
			const ip = `10.20.0.${10 + i}`;
			const card = await coveredCard(ip);
			const note = r.key === 'otro' ? 'Se muda a Mérida' : null;
			const res = await moveCard(t.db, o.agent, {
				cardId: card.id,
				toStage: 'cancelada',
				version: card.version,
				cancelReason: r.key,
				cancelNote: note
			});
			expect(res, r.key).toMatchObject({ ok: true, card: { stage: 'cancelada', cancelReason: r.key, cancelNote: note } });
			expect(await state(card.id)).toMatchObject({
				stage: 'cancelada',
				reason: r.key,
				note,
				ip: null,
				allocations: 0,
				cancellations: 1,
				moves: 1
			});
			expect(await lastCancellation(card.id)).toEqual({
				from_stage: 'cobertura_confirmada',
				reason: r.key,
				reason_label: r.label,
				note,
				refund_checklist: null,
				released_ip: ip
			});
		}
	});

	it('refuses a reason that is not on the list, and «Otro» without words, in Spanish with nothing written', async () => {
		const card = await coveredCard('10.20.1.1');
		const before = await state(card.id);
		await expect(cancelCard(t.db, o.agent, card.id, { reason: 'caro' })).rejects.toMatchObject({
			status: 400,
			message: 'Elige un motivo de cancelación de la lista: sin cobertura, declinó, no localizable, duplicado u otro.'
		});
		await expect(cancelCard(t.db, o.agent, card.id, { reason: 'Declinó' })).rejects.toMatchObject({
			status: 400,
			message: 'Elige un motivo de cancelación.'
		});
		await expect(cancelCard(t.db, o.agent, card.id, { reason: 'otro', note: '  ' })).rejects.toMatchObject({
			status: 422,
			message: 'Escribe el motivo de la cancelación: elegiste «Otro».'
		});
		const viaBoard = await moveCard(t.db, o.agent, { cardId: card.id, toStage: 'cancelada', version: card.version, cancelReason: 'caro' });
		expect(viaBoard).toMatchObject({
			ok: false,
			status: 400,
			message: expect.stringMatching(/^Elige un motivo de cancelación de la lista/)
		});
		expect(await state(card.id)).toEqual(before);
	});

	it("uses the admin's list: renamed words, a new reason, a removed one refused", async () => {
		const org = await makeOrg(t.db);
		await saveSettings(t.db, org.admin, {
			cancelReasons: [
				{ key: 'se_mudo', label: 'Se mudó de ciudad' },
				{ key: 'declino', label: 'No le interesó' },
				{ key: 'otro', label: 'Otro motivo' }
			]
		});
		const a = await makeCard(t.db, org.org.id);
		await cancelCard(t.db, org.agent, a.id, { reason: 'se_mudo', note: 'A Mérida' });
		expect(await lastCancellation(a.id)).toMatchObject({ reason: 'se_mudo', reason_label: 'Se mudó de ciudad', note: 'A Mérida' });
		const b = await makeCard(t.db, org.org.id);
		await cancelCard(t.db, org.agent, b.id, { reason: 'declino' });
		expect(await lastCancellation(b.id)).toMatchObject({ reason: 'declino', reason_label: 'No le interesó' });
		const c = await makeCard(t.db, org.org.id);
		const before = await state(c.id);
		await expect(cancelCard(t.db, org.agent, c.id, { reason: 'no_localizable' })).rejects.toMatchObject({
			status: 400,
			message: 'Elige un motivo de cancelación de la lista: se mudó de ciudad, no le interesó u otro motivo.'
		});
		await expect(cancelCard(t.db, org.agent, c.id, { reason: 'otro' })).rejects.toMatchObject({
			status: 422,
			message: 'Escribe el motivo de la cancelación: elegiste «Otro motivo».'
		});
		expect(await state(c.id)).toEqual(before);
		// The second of two cancels names the first with the words it was given.
		await expect(cancelCard(t.db, org.coordinator, a.id, { reason: 'declino' })).rejects.toMatchObject({
			status: 409,
			message: expect.stringMatching(/^Alma Agente ya canceló esta instalación: Se mudó de ciudad \(A Mérida\)\./)
		});
	});

	it('records the deposit-refund checklist of a signed or active customer, the penalty only under a 12-month contract', async () => {
		const signed = await makeCard(t.db, o.org.id, { stage: 'firmada', contract_type: '12_meses' });
		await cancelCard(t.db, o.coordinator, signed.id, {
			reason: 'declino',
			refundChecklist: { lastInvoicePaid: true, penaltyPaid: false, equipmentReturned: true, depositServiceAttached: false }
		});
		expect((await lastCancellation(signed.id)).refund_checklist).toEqual({
			lastInvoicePaid: true,
			penaltyPaid: false,
			equipmentReturned: true,
			depositServiceAttached: false
		});
		const view = await cancellationOf(t.db, o.coordinator, signed.id);
		expect(view?.refundPending).toEqual(['Penalización pagada (contrato a 12 meses)', 'Servicio de depósito adjuntado en el sistema']);

		const active = await makeCard(t.db, o.org.id, { stage: 'activa', contract_type: 'indefinido' });
		const res = await moveCard(t.db, o.coordinator, {
			cardId: active.id,
			toStage: 'cancelada',
			version: active.version,
			cancelReason: 'otro',
			cancelNote: 'Cambió de proveedor',
			refundChecklist: { lastInvoicePaid: true, penaltyPaid: true, equipmentReturned: true, depositServiceAttached: true }
		});
		expect(res.ok).toBe(true);
		expect((await lastCancellation(active.id)).refund_checklist).toEqual({
			lastInvoicePaid: true,
			penaltyPaid: null,
			equipmentReturned: true,
			depositServiceAttached: true
		});
		// A lead never signed: no checklist is kept even if one is sent.
		const lead = await makeCard(t.db, o.org.id);
		await cancelCard(t.db, o.agent, lead.id, {
			reason: 'declino',
			refundChecklist: { lastInvoicePaid: true, penaltyPaid: true, equipmentReturned: true, depositServiceAttached: true }
		});
		expect((await lastCancellation(lead.id)).refund_checklist).toBeNull();
	});

	it('reopens to the stage the card left, with its IP back when it is still free, and records why', async () => {
		const card = await coveredCard('10.20.2.7');
		await cancelCard(t.db, o.agent, card.id, { reason: 'no_localizable' });
		expect(await cancellationOf(t.db, o.coordinator, card.id)).toMatchObject({
			reasonLabel: 'No localizable',
			reopenTo: 'cobertura_confirmada',
			previousIp: '10.20.2.7',
			ipFree: true,
			mayReopen: true
		});
		const res = await reopenCard(t.db, o.coordinator, card.id, { reason: 'El cliente volvió a llamar' });
		expect(res).toMatchObject({
			ok: true,
			stage: 'cobertura_confirmada',
			ip: '10.20.2.7',
			message: 'Se reabrió en «Cobertura confirmada» con su IP anterior, 10.20.2.7.'
		});
		expect(await state(card.id)).toMatchObject({ stage: 'cobertura_confirmada', reason: null, ip: '10.20.2.7', allocations: 1, moves: 2 });
		const [history] = await t.db.query<{ from_stage: string; to_stage: string; user_id: string }>(
			'select from_stage, to_stage, user_id from stage_history where installation_id = $1 order by id desc limit 1',
			[card.id]
		);
		expect(history).toEqual({ from_stage: 'cancelada', to_stage: 'cobertura_confirmada', user_id: o.coordinator.id });
		const notes = await t.db.query<{ field: string; new_value: unknown }>(
			'select field, new_value from card_history where installation_id = $1 order by id',
			[card.id]
		);
		expect(notes).toEqual([
			{ field: 'cancelReason', new_value: 'No localizable' },
			{ field: 'reopenReason', new_value: 'El cliente volvió a llamar' }
		]);
		const [row] = await t.db.query<{ reopened_to: string; reopen_reason: string; reopened_by: string }>(
			'select reopened_to, reopen_reason, reopened_by from cancellations where installation_id = $1',
			[card.id]
		);
		expect(row).toEqual({
			reopened_to: 'cobertura_confirmada',
			reopen_reason: 'El cliente volvió a llamar',
			reopened_by: o.coordinator.id
		});
		expect((await state(card.id)).version).toBe(res.ok ? res.version : -1);
	});

	it('reopens without the IP when another card took it, and says so', async () => {
		const card = await coveredCard('10.20.3.3');
		await cancelCard(t.db, o.agent, card.id, { reason: 'declino' });
		await coveredCard('10.20.3.3');
		expect(await cancellationOf(t.db, o.coordinator, card.id)).toMatchObject({ previousIp: '10.20.3.3', ipFree: false });
		const res = await reopenCard(t.db, o.admin, card.id, { reason: 'Sí quiere el servicio' });
		expect(res).toMatchObject({
			ok: true,
			ip: null,
			message:
				'Se reabrió en «Cobertura confirmada» sin IP: su IP anterior, 10.20.3.3, ya la tiene otra instalación. Elige otra IP en la sección Conexión.'
		});
		expect(await state(card.id)).toMatchObject({ stage: 'cobertura_confirmada', ip: null, allocations: 0 });
	});

	it("applies the target stage's guard, which a coordinator may skip with a written reason", async () => {
		const card = await coveredCard(null);
		await cancelCard(t.db, o.agent, card.id, { reason: 'declino' });
		await t.db.query('update installations set zone_id = null where id = $1', [card.id]);
		const before = await state(card.id);
		const refused = await reopenCard(t.db, o.coordinator, card.id, { reason: 'Volvió a llamar' });
		expect(refused).toEqual({
			ok: false,
			status: 422,
			message: 'No se puede reabrir en «Cobertura confirmada».',
			reasons: ['Falta la zona (RB): elige la zona que cubre la ubicación del cliente.'],
			overridable: true
		});
		expect(await state(card.id)).toEqual(before);
		const res = await reopenCard(t.db, o.coordinator, card.id, { reason: 'Volvió a llamar', overrideReason: 'La zona se elige mañana' });
		expect(res.ok).toBe(true);
		const [h] = await t.db.query<{ override_reason: string }>(
			'select override_reason from stage_history where installation_id = $1 order by id desc limit 1',
			[card.id]
		);
		expect(h.override_reason).toBe('La zona se elige mañana');
	});

	it('refuses an agent, a short reason, a plain move out of «Cancelada», and the second of two reopens', async () => {
		const card = await coveredCard(null);
		const { version } = await cancelCard(t.db, o.agent, card.id, { reason: 'duplicado' });
		const before = await state(card.id);
		await expect(reopenCard(t.db, o.agent, card.id, { reason: 'Volvió a llamar' })).rejects.toMatchObject({ status: 403 });
		await expect(reopenCard(t.db, o.coordinator, card.id, { reason: 'ya' })).rejects.toMatchObject({
			status: 400,
			message: 'Escribe por qué se reabre la tarjeta (al menos 5 letras).'
		});
		const plain = await moveCard(t.db, o.coordinator, { cardId: card.id, toStage: 'preinstalacion', version });
		expect(plain).toMatchObject({ ok: false, status: 422, message: expect.stringMatching(/usa «Reabrir»/) });
		expect(await state(card.id)).toEqual(before);

		const results = await Promise.allSettled([
			reopenCard(t.db, o.coordinator, card.id, { reason: 'Primera reapertura' }),
			reopenCard(t.db, o.admin, card.id, { reason: 'Segunda reapertura' })
		]);
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(refused).toHaveLength(1);
		expect(refused[0].reason).toMatchObject({
			status: 409,
			message: expect.stringMatching(/ya reabrió esta tarjeta \(«(Primera|Segunda) reapertura»\)/)
		});
		expect(await state(card.id)).toMatchObject({ stage: 'cobertura_confirmada', moves: 2 });
		expect(await count(t.db, 'card_history', `installation_id = $1 and field = 'reopenReason'`, [card.id])).toBe(1);
	});

	it('a cancel and a reopen at once apply one after the other, both kept', async () => {
		const card = await coveredCard(null);
		await cancelCard(t.db, o.agent, card.id, { reason: 'declino' });
		const [reopened, cancelledAgain] = await Promise.allSettled([
			reopenCard(t.db, o.coordinator, card.id, { reason: 'Volvió a llamar' }),
			cancelCard(t.db, o.agent, card.id, { reason: 'no_localizable' })
		]);
		expect(reopened.status).toBe('fulfilled');
		const s = await state(card.id);
		if (cancelledAgain.status === 'fulfilled') expect(s).toMatchObject({ stage: 'cancelada', reason: 'no_localizable', cancellations: 2 });
		else expect(s).toMatchObject({ stage: 'cobertura_confirmada', cancellations: 1 });
	});
});

describe.each(drivers)('Ajustes → Motivos de cancelación on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());
	const stored = async () => (await getOrg(t.db, o.admin)).settings.cancelReasons;

	it('renames, reorders, adds and removes reasons, keeping the keys of the ones kept', async () => {
		expect(await stored()).toEqual(DEFAULT_CANCEL_REASONS);
		await saveCancelReasons(t.db, o.admin, {
			key_0: 'otro',
			label_0: 'Otro motivo',
			key_1: 'declino',
			label_1: '  No le   interesó ',
			key_2: 'sin_cobertura',
			label_2: '',
			key_3: '',
			label_3: 'Se mudó de ciudad',
			key_4: '',
			label_4: ''
		});
		expect(await stored()).toEqual([
			{ key: 'otro', label: 'Otro motivo' },
			{ key: 'declino', label: 'No le interesó' },
			{ key: 'se_mudo_de_ciudad', label: 'Se mudó de ciudad' }
		]);
		// The coverage section's «Sin cobertura» still cancels though it left the list people choose from.
		const card = await makeCard(t.db, o.org.id);
		await markNoCoverage(t.db, o.agent, card.id, {});
		const [row] = await t.db.query<{ reason: string; reason_label: string }>(
			'select reason, reason_label from cancellations where installation_id = $1',
			[card.id]
		);
		expect(row).toEqual({ reason: 'sin_cobertura', reason_label: 'Sin cobertura' });
	});

	it('refuses an empty list and repeated names in Spanish, and anyone but an admin, with nothing saved', async () => {
		const before = await stored();
		await expect(saveCancelReasons(t.db, o.admin, { key_0: 'otro', label_0: '' })).rejects.toMatchObject({
			status: 400,
			message: 'Deja al menos un motivo de cancelación.'
		});
		await expect(saveCancelReasons(t.db, o.admin, { key_0: 'otro', label_0: 'Otro', label_1: 'otro' })).rejects.toMatchObject({
			status: 400,
			message: 'El motivo «otro» está repetido.'
		});
		await expect(saveCancelReasons(t.db, o.coordinator, { label_0: 'Caro' })).rejects.toMatchObject({ status: 403 });
		expect(await stored()).toEqual(before);
	});
});
