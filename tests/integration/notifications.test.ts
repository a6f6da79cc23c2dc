import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { PASSWORD, makeCard, makeOrg, sessionUserOf } from './support/factories';
import { startRealtime } from './support/realtime';
import { assignTechnician } from '$lib/server/services/assignment';
import { updateScheduling } from '$lib/server/services/calendar';
import { cancelCard } from '$lib/server/services/cancellations';
import { completeJob } from '$lib/server/services/technician';
import { signInPerson } from '$lib/server/services/signing';
import { contentToSign } from '$lib/server/services/documents';
import { createUser } from '$lib/server/services/users';
import { listNotifications, markRead, preferencesView, savePreferences } from '$lib/server/services/notifications';
import { scanOnce } from '$lib/server/services/notify-scanner';
import { NOTIFICATION_KIND_KEYS } from '$lib/domain/notification-kinds';
import type { SessionUser } from '$lib/server/auth';

type Org = Awaited<ReturnType<typeof makeOrg>>;
const TECH_KINDS = 'job_assigned,job_rescheduled,job_cancelled';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe.each(drivers)('in-app notifications on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	let coordinator2: SessionUser;
	let agent2: SessionUser;

	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		const make = async (role: 'coordinator' | 'agent', name: string) =>
			sessionUserOf(t.db, (await createUser(t.db, o.admin, { name, email: `${role}2-${driver}@prueba.mx`, role, password: PASSWORD })).id);
		coordinator2 = await make('coordinator', 'Cecilia Coordinadora');
		agent2 = await make('agent', 'Aurelio Agente');
	});
	afterAll(() => t.cleanup());

	/** Every notice of the provider, as (person, kind, card) triples. */
	const all = async (kind: string, cardId: string) =>
		(
			await t.db.query<{ userId: string }>(
				'select user_id as "userId" from notifications where kind = $1 and installation_id = $2 order by user_id',
				[kind, cardId]
			)
		).map((r) => r.userId);
	const sorted = (...ids: string[]) => [...ids].sort();

	it('the SQL CHECK lists exactly the registry of kinds', async () => {
		for (const table of ['notifications', 'notification_preferences']) {
			const [row] = await t.db.query<{ def: string }>(`select pg_get_constraintdef(oid) as def from pg_constraint where conname = $1`, [
				`${table}_kind_check`
			]);
			expect([...row.def.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1])).toEqual([...NOTIFICATION_KIND_KEYS]);
		}
	});

	it('assigning tells the technician only; the same assignment again tells nobody; a new date is «rescheduled»', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'agendada', installation_date: '2026-12-20', full_name: 'Rosa Cauich' });
		await assignTechnician(t.db, o.coordinator, { installationId: card.id, technicianId: o.technician.id, confirm: 'on' });
		expect(await all('job_assigned', card.id)).toEqual([o.technician.id]);
		const [n] = (await listNotifications(t.db, o.technician)).items;
		expect(n).toMatchObject({ kind: 'job_assigned', installationId: card.id, readAt: null });
		expect(n.data).toMatchObject({ customer: 'Rosa Cauich', date: '2026-12-20', actor: 'Carlos Coordinador' });
		await assignTechnician(t.db, o.coordinator, { installationId: card.id, technicianId: o.technician.id, confirm: 'on' });
		expect(await all('job_assigned', card.id)).toHaveLength(1);

		await updateScheduling(t.db, o.coordinator, { installationId: card.id, installationDate: '2026-12-21', installationTime: '10:00' });
		expect(await all('job_rescheduled', card.id)).toEqual([o.technician.id]);
		// Changing only the zone is not a reschedule.
		await updateScheduling(t.db, o.coordinator, { installationId: card.id, installationTime: '10:00' });
		expect(await all('job_rescheduled', card.id)).toHaveLength(1);
		for (const u of [o.admin, o.coordinator, coordinator2, o.agent]) expect((await listNotifications(t.db, u)).items).toEqual([]);
	});

	it('respects the technician turning a kind off, and a failed change notifies nobody', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'asignada', installation_date: '2026-12-22', technician_id: o.technician.id });
		await savePreferences(t.db, o.technician, { shown: TECH_KINDS, job_assigned: 'on', job_cancelled: 'on' }); // rescheduled off
		expect((await preferencesView(t.db, o.technician)).map((p) => [p.kind, p.enabled])).toEqual([
			['job_assigned', true],
			['job_rescheduled', false],
			['job_cancelled', true]
		]);
		await updateScheduling(t.db, o.coordinator, { installationId: card.id, installationDate: '2026-12-23' });
		expect(await all('job_rescheduled', card.id)).toEqual([]);
		await savePreferences(t.db, o.technician, { shown: TECH_KINDS, job_assigned: 'on', job_rescheduled: 'on', job_cancelled: 'on' });
		// A refused change (a stale version) writes no notice.
		await expect(
			updateScheduling(t.db, o.coordinator, { installationId: card.id, installationDate: '2026-12-24', version: 1 })
		).rejects.toMatchObject({ status: 409 });
		expect(await all('job_rescheduled', card.id)).toEqual([]);
	});

	it('cancelling tells the card’s technician', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'asignada', installation_date: '2026-12-22', technician_id: o.technician.id });
		const unassigned = await makeCard(t.db, o.org.id, { stage: 'agendada' });
		await cancelCard(t.db, o.coordinator, card.id, { reason: 'declino' });
		await cancelCard(t.db, o.coordinator, unassigned.id, { reason: 'declino' });
		expect(await all('job_cancelled', card.id)).toEqual([o.technician.id]);
		expect(await all('job_cancelled', unassigned.id)).toEqual([]);
	});

	it('a signature tells the office but not the coordinator who took it', async () => {
		const card = await makeCard(t.db, o.org.id, { stage: 'documentos_pendientes', contract_type: '12_meses' });
		const c = await contentToSign(t.db, o.coordinator, card.id, 'contrato');
		await signInPerson(
			t.db,
			o.coordinator,
			card.id,
			{ kind: 'contrato', signerName: 'Begoña', consent: true, signature: PNG, contentSha256: c.sha },
			{ ip: null, userAgent: null }
		);
		expect(await all('customer_signed', card.id)).toEqual(sorted(o.admin.id, coordinator2.id));
	});

	it('a completed job tells the office', async () => {
		const card = await makeCard(t.db, o.org.id, {
			stage: 'asignada',
			technician_id: o.technician.id,
			service_type: 'fibra',
			cpe_mac: 'AA:BB:CC:DD:EE:09'
		});
		const res = await completeJob(t.db, o.technician, card.id);
		expect(res.ok).toBe(true);
		expect(await all('job_completed', card.id)).toEqual(sorted(o.admin.id, o.coordinator.id, coordinator2.id));
	});

	it('the scanner tells the office about a late card once, however many times (or instances) it runs', async () => {
		const late = await makeCard(t.db, o.org.id, { stage: 'preinstalacion' });
		const longAgo = await makeCard(t.db, o.org.id, { stage: 'preinstalacion' });
		const fresh = await makeCard(t.db, o.org.id, { stage: 'preinstalacion' });
		// preinstalacion is late after 48 h by default
		await t.db.query(`update installations set stage_changed_at = now() - interval '49 hours' where id = $1`, [late.id]);
		await t.db.query(`update installations set stage_changed_at = now() - interval '10 days' where id = $1`, [longAgo.id]);
		await savePreferences(t.db, coordinator2, { shown: 'sla_late', sla_late: false });
		await Promise.all([scanOnce(t.db), scanOnce(t.db)]);
		expect(await scanOnce(t.db)).toBe(0);
		expect(await all('sla_late', late.id)).toEqual(sorted(o.admin.id, o.coordinator.id));
		expect(await all('sla_late', longAgo.id)).toEqual([]);
		expect(await all('sla_late', fresh.id)).toEqual([]);
		const [n] = (await listNotifications(t.db, o.coordinator)).items.filter((i) => i.kind === 'sla_late');
		expect(n.data.stage).toBe('preinstalacion');
	});

	it('a due callback goes to the agent of the last call, or to every agent when nobody called', async () => {
		const called = await makeCard(t.db, o.org.id, {
			stage: 'preinstalacion',
			next_contact_at: new Date(Date.now() - 60_000).toISOString()
		});
		const never = await makeCard(t.db, o.org.id, { stage: 'preinstalacion', next_contact_at: new Date(Date.now() - 60_000).toISOString() });
		const later = await makeCard(t.db, o.org.id, {
			stage: 'preinstalacion',
			next_contact_at: new Date(Date.now() + 3_600_000).toISOString()
		});
		await t.db.query(
			`insert into lead_calls (org_id, installation_id, user_id, outcome, created_at) values ($1, $2, $3, 'buzon', now() - interval '2 hours')`,
			[o.org.id, called.id, o.agent.id]
		);
		await t.db.query(`insert into lead_calls (org_id, installation_id, user_id, outcome) values ($1, $2, $3, 'llamar_despues')`, [
			o.org.id,
			called.id,
			agent2.id
		]);
		await scanOnce(t.db);
		await scanOnce(t.db);
		expect(await all('callback_due', called.id)).toEqual([agent2.id]);
		expect(await all('callback_due', never.id)).toEqual(sorted(o.agent.id, agent2.id));
		expect(await all('callback_due', later.id)).toEqual([]);
		// Called again later: a new due time is a new notice.
		await t.db.query(`update installations set next_contact_at = now() - interval '1 second' where id = $1`, [called.id]);
		await scanOnce(t.db);
		expect(await all('callback_due', called.id)).toEqual([agent2.id, agent2.id]);
	});

	it('each person reads and marks only their own notices', async () => {
		const mine = await listNotifications(t.db, o.technician);
		expect(mine.unread).toBeGreaterThan(1);
		expect(mine.items.every((i) => i.kind.startsWith('job_'))).toBe(true);
		// newest first
		const times = mine.items.map((i) => i.createdAt);
		expect([...times].sort().reverse()).toEqual(times);
		const theirs = (await listNotifications(t.db, o.coordinator)).items[0];
		await expect(markRead(t.db, o.technician, { id: theirs.id })).rejects.toMatchObject({ status: 404 });
		expect((await listNotifications(t.db, o.coordinator)).items[0].readAt).toBeNull();
		await expect(markRead(t.db, o.technician, { id: 'nada' })).rejects.toMatchObject({ status: 400 });
		await expect(markRead(t.db, o.technician, {})).rejects.toMatchObject({ status: 400 });
		const one = await markRead(t.db, o.technician, { id: mine.items[0].id });
		expect(one.unread).toBe(mine.unread - 1);
		expect((await markRead(t.db, o.technician, { all: true })).unread).toBe(0);
		expect((await listNotifications(t.db, o.coordinator)).unread).toBeGreaterThan(0);
		// A technician's form can't turn on an office kind.
		await expect(savePreferences(t.db, o.technician, { job_assigned: 'on' })).rejects.toMatchObject({ status: 400 });
		await expect(savePreferences(t.db, o.technician, { shown: 'job_assigned,nada' })).rejects.toMatchObject({ status: 400 });
		await savePreferences(t.db, o.technician, { shown: 'sla_late,job_assigned', sla_late: 'on', job_assigned: 'on' });
		expect((await preferencesView(t.db, o.technician)).map((p) => p.kind)).not.toContain('sla_late');
		const [row] = await t.db.query<{ n: number }>(
			`select count(*)::int as n from notification_preferences where user_id = $1 and kind = 'sla_late'`,
			[o.technician.id]
		);
		expect(row.n).toBe(0);
	});

	it('a burst of notices reaches the person’s sockets a few times, the last one after the last notice', async () => {
		const rt = await startRealtime(t.db);
		try {
			const office = await rt.connectAs(o.coordinator);
			const told: number[] = [];
			office.on('notifications:changed', () => told.push(Date.now()));
			const card = await makeCard(t.db, o.org.id, { stage: 'preinstalacion' });
			// One notice per statement, each its own transaction, as the late-card scan writes them.
			for (let i = 0; i < 40; i++) {
				await t.db.query(
					`insert into notifications (org_id, user_id, kind, installation_id, dedupe_key) values ($1, $2, 'sla_late', $3, $4)`,
					[o.org.id, o.coordinator.id, card.id, `burst-${driver}-${i}`]
				);
			}
			const lastWritten = Date.now();
			await expect.poll(() => told.at(-1) ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(lastWritten);
			await new Promise((r) => setTimeout(r, 600));
			expect(told.length).toBeGreaterThanOrEqual(1);
			// At most one per 250 ms window while the 40 inserts run, plus the one after them.
			expect(told.length).toBeLessThanOrEqual(Math.ceil((lastWritten - told[0]) / 250) + 2);
			expect(told.length).toBeLessThan(40);
		} finally {
			await rt.close();
		}
	});

	it('a new notice reaches only its person’s open sockets, live', async () => {
		const rt = await startRealtime(t.db);
		try {
			const tech = await rt.connectAs(o.technician);
			const agent = await rt.connectAs(o.agent);
			let agentTold = 0;
			agent.on('notifications:changed', () => agentTold++);
			const told = new Promise<void>((resolve) => tech.once('notifications:changed', () => resolve()));
			const card = await makeCard(t.db, o.org.id, { stage: 'agendada', installation_date: '2026-12-28' });
			await assignTechnician(t.db, o.coordinator, { installationId: card.id, technicianId: o.technician.id, confirm: 'on' });
			await told;
			await new Promise((r) => setTimeout(r, 200));
			expect(agentTold).toBe(0);
		} finally {
			await rt.close();
		}
	});
});
