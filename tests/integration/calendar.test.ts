import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCard, makeZone } from './support/scheduling-factories';
import { assignTechnician, assignmentOptions } from '$lib/server/services/assignment';
import { calendarView, rescheduleFromCalendar, weekStart } from '$lib/server/services/calendar';
import { firstOf, rowsOf } from '$lib/server/db/card-tx';

describe.each(drivers)('asignación de técnicos y calendario en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let zoneId: string;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		zoneId = await makeZone(t.db, org.org.id, { name: 'RB1 CENTRO' });
		await t.db.orm.execute(sql`update users set daily_capacity = 2 where id = ${org.technician.id}`);
		await t.db.orm.execute(
			sql`insert into zone_technicians (org_id, zone_id, user_id) values (${org.org.id}, ${zoneId}, ${org.technician.id})`
		);
	});
	afterAll(() => t.cleanup());

	it('avisa al pasar la capacidad diaria y asigna solo con confirmación', async () => {
		const date = '2026-12-02';
		const cards = [];
		for (let i = 0; i < 3; i++) cards.push(await makeCard(t.db, org.org.id, { zoneId, stage: 'agendada', installationDate: date }));
		await assignTechnician(t.db, org.coordinator, { installationId: cards[0], technicianId: org.technician.id });
		await assignTechnician(t.db, org.coordinator, { installationId: cards[1], technicianId: org.technician.id });
		const err = await assignTechnician(t.db, org.coordinator, { installationId: cards[2], technicianId: org.technician.id }).catch(
			(e) => e
		);
		expect(err.status).toBe(409);
		expect(err.message).toBe(
			'Tomás Técnico ya tiene 2 instalaciones ese día y su capacidad es de 2. Confirma si quieres asignarlo de todos modos.'
		);
		const unassigned = await firstOf<{ t: string | null }>(
			t.db.orm,
			sql`select technician_id as t from installations where id = ${cards[2]}`
		);
		expect(unassigned!.t).toBeNull();
		const ok = await assignTechnician(t.db, org.coordinator, { installationId: cards[2], technicianId: org.technician.id, confirm: 'on' });
		expect(ok.warnings).toHaveLength(1);
		const options = await assignmentOptions(t.db, org.coordinator, cards[0]);
		expect(options.technicians.find((x) => x.id === org.technician.id)!.jobs).toHaveLength(3);
		await expect(assignTechnician(t.db, org.agent, { installationId: cards[0], technicianId: null })).rejects.toMatchObject({
			status: 403
		});
	});

	it('avisa cuando el técnico no atiende la zona', async () => {
		const other = await makeZone(t.db, org.org.id, { name: 'RB4 PUERTO MORELOS' });
		const card = await makeCard(t.db, org.org.id, { zoneId: other, stage: 'agendada', installationDate: '2026-12-03' });
		const err = await assignTechnician(t.db, org.coordinator, { installationId: card, technicianId: org.technician.id }).catch((e) => e);
		expect(err.message).toMatch(/Tomás Técnico no atiende la zona RB4 PUERTO MORELOS\./);
	});

	it('el calendario muestra la semana y arrastrar a otro día reprograma con historial "calendario"', async () => {
		const card = await makeCard(t.db, org.org.id, { zoneId, stage: 'asignada', installationDate: '2026-12-08' });
		const view = await calendarView(t.db, org.coordinator, { vista: 'semana', fecha: '2026-12-09' });
		expect(view.days[0]).toBe('2026-12-07');
		expect(view.days).toHaveLength(7);
		expect(view.jobs.map((j) => j.id)).toContain(card);
		await rescheduleFromCalendar(t.db, org.coordinator, {
			installationId: card,
			installationDate: '2026-12-10',
			technicianId: org.technician.id
		});
		const row = await firstOf<{ d: string; t: string }>(
			t.db.orm,
			sql`select installation_date::text as d, technician_id as t from installations where id = ${card}`
		);
		expect(row).toEqual({ d: '2026-12-10', t: org.technician.id });
		const h = await rowsOf<{ source: string }>(t.db.orm, sql`select source from card_history where installation_id = ${card}`);
		expect(h.every((x) => x.source === 'calendario')).toBe(true);
		const ev = await rowsOf<{ kind: string; actor: string }>(
			t.db.orm,
			sql`select kind, actor_id as actor from board_events where card_id = ${card} order by seq desc limit 1`
		);
		expect(ev[0]).toEqual({ kind: 'card:updated', actor: org.coordinator.id });
		await expect(rescheduleFromCalendar(t.db, org.agent, { installationId: card, installationDate: '2026-12-11' })).rejects.toMatchObject({
			status: 403
		});
		expect(weekStart('2026-12-13')).toBe('2026-12-07');
	});
});
