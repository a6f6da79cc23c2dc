// «Mis llamadas» (issue 20): the day's queue in its order (overdue callbacks, callbacks due that day,
// new leads never called, documents waiting), tomorrow's view, and «Siguiente»'s claims: agents
// pressing at once get different leads, a claim expires, is let go or freed by a recorded call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg, sessionUserOf } from './support/factories';
import { createUser } from '$lib/server/services/users';
import { callQueue, claimNext, releaseClaim, releaseMine } from '$lib/server/services/call-queue';
import { domainEvents } from '$lib/server/events';
import { recordCall } from '$lib/server/services/lead-calls';
import { boardSnapshot } from '$lib/server/services/board';
import { addDays, todayIn } from '$lib/domain/dates';
import type { SessionUser } from '$lib/server/auth';

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
/** 10:00 on a civil day in Cancún (UTC−5 all year). */
const cancunAt = (day: string, hhmm = '10:00') => `${day}T${hhmm}:00-05:00`;

describe.each(drivers)('la cola «Mis llamadas» en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let beto: SessionUser;
	const ids: Record<string, string> = {};
	let today: string;

	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		const u = await createUser(t.db, org.admin, {
			name: 'Beto Agente',
			email: `beto-${driver}@prueba.mx`,
			role: 'agent',
			password: 'contraseña-de-prueba-1'
		});
		beto = await sessionUserOf(t.db, u.id);
		today = todayIn('America/Cancun');
		const orgId = org.org.id;
		const dayEnd = Date.parse(`${addDays(today, 1)}T00:00:00-05:00`);
		const card = async (key: string, fields: Record<string, unknown>) =>
			(ids[key] = (await makeCard(t.db, orgId, { full_name: key, ...fields })).id);
		// In insertion order that is NOT the queue's order.
		await card('nueva reciente', { created_at: ago(1 * HOUR) });
		await card('documentos esperando', { stage: 'documentos_pendientes', stage_changed_at: ago(72 * HOUR), created_at: ago(100 * HOUR) });
		await card('hoy más tarde', {
			stage: 'cobertura_confirmada',
			call_attempts: 1,
			last_call_at: ago(HOUR),
			next_contact_at: new Date((Date.now() + dayEnd) / 2).toISOString()
		});
		await card('vencida reciente', {
			stage: 'cobertura_confirmada',
			call_attempts: 2,
			last_call_outcome: 'no_contesto',
			next_contact_at: ago(2 * HOUR)
		});
		await card('nueva antigua', { created_at: ago(30 * HOUR) });
		await card('vencida antigua', { call_attempts: 1, last_call_outcome: 'buzon', next_contact_at: ago(26 * HOUR) });
		// Never in today's queue:
		await card('mañana', {
			call_attempts: 1,
			last_call_outcome: 'no_contesto',
			last_call_at: ago(HOUR),
			next_contact_at: cancunAt(addDays(today, 1))
		});
		await card('ya llamada sin volver a llamar', { call_attempts: 1, last_call_outcome: 'contesto', last_call_at: ago(HOUR) });
		await card('documentos recientes', { stage: 'documentos_pendientes', stage_changed_at: ago(20 * HOUR) });
		await card('documentos llamada ayer', {
			stage: 'documentos_pendientes',
			stage_changed_at: ago(120 * HOUR),
			last_call_at: ago(24 * HOUR),
			call_attempts: 1
		});
		await card('cancelada vencida', { stage: 'cancelada', cancel_reason: 'sin_cobertura', next_contact_at: ago(HOUR) });
		await card('activa nueva', { stage: 'activa' });
		const other = await makeOrg(t.db);
		await makeCard(t.db, other.org.id, { full_name: 'otro proveedor' });
	});
	afterAll(async () => {
		await t?.cleanup();
	});

	const TODAY_ORDER = ['vencida antigua', 'vencida reciente', 'hoy más tarde', 'nueva antigua', 'nueva reciente', 'documentos esperando'];

	it('ordena la cola de hoy: vencidas, programadas para hoy, nuevas sin llamar (la más antigua primero) y documentos en espera', async () => {
		const view = await callQueue(t.db, org.agent, {});
		expect(view.day).toBe(today);
		expect(view.rows.map((r) => r.fullName)).toEqual(TODAY_ORDER);
		expect(view.rows.map((r) => r.reason)).toEqual(['vencida', 'vencida', 'programada', 'nueva', 'nueva', 'documentos']);
		const overdue = view.rows[1];
		expect(overdue).toMatchObject({ callAttempts: 2, lastCallOutcome: 'no_contesto', claim: null });
		expect(overdue.tel).toMatch(/^tel:\+52\d{10}$/);
		expect(overdue.phone).toMatch(/^\d{3} \d{3} \d{4}$/);
		// What is missing comes from the stage requirements, and the link opens the call script.
		expect(view.rows[3].missing.length).toBeGreaterThan(0);
		expect(view.rows[3].href).toBe(`/instalaciones/${ids['nueva antigua']}?seccion=llamada`);
		expect(view.rows[5].href).toBe(`/instalaciones/${ids['documentos esperando']}?seccion=documentos`);
	});

	it('el filtro «Por llamar» del tablero deja solo las tarjetas de la cola de hoy', async () => {
		const board = await boardSnapshot(t.db, org.agent, { llamar: '1' });
		expect(board.cards.map((c) => c.fullName).sort()).toEqual([...TODAY_ORDER].sort());
		expect((await boardSnapshot(t.db, org.agent, {})).cards.length).toBeGreaterThan(TODAY_ORDER.length);
	});

	it('la vista de mañana muestra solo lo programado para mañana, y una fecha también se puede elegir', async () => {
		const tomorrow = await callQueue(t.db, org.agent, { dia: 'manana' });
		expect(tomorrow.day).toBe(addDays(today, 1));
		expect(tomorrow.rows.map((r) => [r.fullName, r.reason])).toEqual([['mañana', 'programada']]);
		const byDate = await callQueue(t.db, org.coordinator, { dia: addDays(today, 1) });
		expect(byDate.rows.map((r) => r.fullName)).toEqual(['mañana']);
		expect((await callQueue(t.db, org.admin, { dia: addDays(today, 2) })).rows).toEqual([]);
	});

	it('rechaza al técnico y una fecha mal escrita, sin 500', async () => {
		await expect(callQueue(t.db, org.technician, {})).rejects.toMatchObject({ status: 403 });
		await expect(claimNext(t.db, org.technician)).rejects.toMatchObject({ status: 403 });
		await expect(callQueue(t.db, org.agent, { dia: '2026-02-30' })).rejects.toMatchObject({ status: 400 });
		await expect(callQueue(t.db, org.agent, { dia: 'ayer' })).rejects.toMatchObject({ status: 400 });
	});

	it('«Siguiente» a la vez: cada agente recibe un lead distinto, y los demás ven quién está llamando', async () => {
		const events: string[] = [];
		const off = domainEvents.on('call-queue:changed', ({ orgId }) => events.push(orgId));
		const [a, b] = await Promise.all([claimNext(t.db, org.agent), claimNext(t.db, beto)]);
		off();
		expect(a.installationId).not.toBe(b.installationId);
		expect([a.installationId, b.installationId].sort()).toEqual([ids['vencida antigua'], ids['vencida reciente']].sort());
		expect(a.href).toMatch(new RegExp(`^/instalaciones/${a.installationId}\\?seccion=`));
		expect(events).toContain(org.org.id);

		const seenByCoordinator = await callQueue(t.db, org.coordinator, {});
		const held = seenByCoordinator.rows.filter((r) => r.claim);
		expect(held.map((r) => [r.id, r.claim!.name]).sort()).toEqual(
			[
				[a.installationId, 'Alma Agente'],
				[b.installationId, 'Beto Agente']
			].sort()
		);
		const seenByAlma = await callQueue(t.db, org.agent, {});
		expect(seenByAlma.rows.find((r) => r.id === a.installationId)!.claim).toMatchObject({ mine: true, name: 'Alma Agente' });
		expect(seenByAlma.rows.find((r) => r.id === b.installationId)!.claim).toMatchObject({ mine: false, name: 'Beto Agente' });

		// Pressing again lets go of the previous lead and takes the next free one.
		const next = await claimNext(t.db, org.agent);
		expect(next.installationId).toBe(ids['hoy más tarde']);
		const after = await callQueue(t.db, org.agent, {});
		expect(after.rows.find((r) => r.id === a.installationId)!.claim).toBeNull();
		await releaseMine(t.db, org.agent, { installationId: next.installationId });
		await releaseMine(t.db, beto, { installationId: b.installationId });
	});

	it('muchos agentes a la vez nunca reciben el mismo lead', async () => {
		const agents = await Promise.all(
			[1, 2, 3, 4].map(async (n) => {
				const u = await createUser(t.db, org.admin, {
					name: `Agente ${n}`,
					email: `agente${n}-${driver}@prueba.mx`,
					role: 'agent',
					password: 'contraseña-de-prueba-1'
				});
				return sessionUserOf(t.db, u.id);
			})
		);
		const taken = await Promise.all(agents.map((a) => claimNext(t.db, a)));
		const got = taken.map((x) => x.installationId);
		expect(new Set(got).size).toBe(4);
		expect([...got].sort()).toEqual([ids['vencida antigua'], ids['vencida reciente'], ids['hoy más tarde'], ids['nueva antigua']].sort());
		for (let i = 0; i < agents.length; i++) await releaseMine(t.db, agents[i], { installationId: got[i] });
	});

	it('una toma vence sola, «Soltar» solo suelta la propia y registrar la llamada la libera', async () => {
		const a = await claimNext(t.db, org.agent);
		expect(a.installationId).toBe(ids['vencida antigua']);
		// Beto cannot let go of Alma's lead.
		await expect(releaseMine(t.db, beto, { installationId: a.installationId })).rejects.toMatchObject({ status: 409 });
		await expect(releaseMine(t.db, beto, { installationId: 'no-es-un-id' })).rejects.toMatchObject({ status: 400 });
		// The claim expires: Beto's «Siguiente» takes that lead again.
		await t.db.query(
			`update call_claims set claimed_at = now() - interval '20 minutes', expires_at = now() - interval '5 minutes' where installation_id = $1`,
			[a.installationId]
		);
		expect((await callQueue(t.db, beto, {})).rows[0].claim).toBeNull();
		const b = await claimNext(t.db, beto);
		expect(b.installationId).toBe(a.installationId);
		// Recording a call on it frees it: the calls service lets the claim go in the same transaction.
		await recordCall(t.db, beto, { installationId: b.installationId, outcome: 'buzon', nextContactAt: null });
		const left = await t.db.query<{ n: number }>(`select count(*)::int as n from call_claims where installation_id = $1`, [
			b.installationId
		]);
		expect(left[0].n).toBe(0);
		expect(await releaseClaim(t.db, org.org.id, b.installationId)).toBe(false);
	});

	it('sin leads libres, «Siguiente» lo dice en español sin tomar nada', async () => {
		const empty = await makeOrg(t.db);
		await expect(claimNext(t.db, empty.agent)).rejects.toMatchObject({
			status: 409,
			message: expect.stringContaining('No quedan llamadas')
		});
	});
});
