import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { boardFilterOptions } from '$lib/server/services/board-options';

describe.each(drivers)('board filter options on %s', (driver) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(async () => t.cleanup());

	it("lists the provider's active zones, technicians and internet plans, in menu order", async () => {
		const o = await makeOrg(t.db);
		const other = await makeOrg(t.db);
		const zone = (orgId: string, name: string, active = true) =>
			t.db.query<{ id: string }>(`insert into zones (org_id, name, payment_day, active) values ($1, $2, 5, $3) returning id`, [
				orgId,
				name,
				active
			]);
		const plan = (orgId: string, name: string, kind: string, sortOrder: number, active = true) =>
			t.db.query<{ id: string }>(
				`insert into plans (org_id, kind, name, price_cents, sort_order, active) values ($1, $2, $3, 39900, $4, $5) returning id`,
				[orgId, kind, name, sortOrder, active]
			);
		const [[rb2], [rb1]] = [await zone(o.org.id, 'RB2 SUR'), await zone(o.org.id, 'RB1 NORTE')];
		await zone(o.org.id, 'RB0 RETIRADA', false);
		await zone(other.org.id, 'RB9 AJENA');
		const [[p50], [p20], [p10]] = [
			await plan(o.org.id, 'Fibra 50', 'internet', 2),
			await plan(o.org.id, 'Fibra 20', 'internet', 1),
			await plan(o.org.id, 'Fibra 10', 'internet', 1)
		];
		await plan(o.org.id, 'Fibra vieja', 'internet', 0, false);
		await plan(o.org.id, 'TV básica', 'television', 0);
		await plan(other.org.id, 'Plan ajeno', 'internet', 0);
		const [retired] = await t.db.query<{ id: string }>(
			`insert into users (org_id, email, name, role, password_hash, active) values ($1, $2, 'Beto Baja', 'technician', 'x', false) returning id`,
			[o.org.id, `baja-${Date.now()}@prueba.mx`]
		);
		const [second] = await t.db.query<{ id: string }>(
			`insert into users (org_id, email, name, role, password_hash) values ($1, $2, 'Abel Técnico', 'technician', 'x') returning id`,
			[o.org.id, `abel-${Date.now()}@prueba.mx`]
		);

		const options = await boardFilterOptions(t.db, o.coordinator);
		// Seeded plans (if any) come first by their sort order; ours follow in theirs.
		const ours = options.plans.filter((p) => [p10.id, p20.id, p50.id].includes(p.id));
		expect(ours).toEqual([
			{ id: p10.id, name: 'Fibra 10' },
			{ id: p20.id, name: 'Fibra 20' },
			{ id: p50.id, name: 'Fibra 50' }
		]);
		expect(options.plans.map((p) => p.name)).not.toContain('TV básica');
		expect(options.plans.map((p) => p.name)).not.toContain('Fibra vieja');
		expect(options.plans.map((p) => p.name)).not.toContain('Plan ajeno');
		expect(options.zones).toEqual([
			{ id: rb1.id, name: 'RB1 NORTE' },
			{ id: rb2.id, name: 'RB2 SUR' }
		]);
		expect(options.technicians).toEqual([
			{ id: second.id, name: 'Abel Técnico' },
			{ id: o.technician.id, name: 'Tomás Técnico' }
		]);
		expect(options.technicians.map((u) => u.id)).not.toContain(retired.id);
		// A technician's board is theirs alone: no one else to filter by.
		expect((await boardFilterOptions(t.db, o.technician)).technicians).toEqual([]);
		expect(await boardFilterOptions(t.db, other.agent)).toEqual({
			zones: [{ id: expect.any(String), name: 'RB9 AJENA' }],
			technicians: [{ id: other.technician.id, name: 'Tomás Técnico' }],
			plans: expect.arrayContaining([{ id: expect.any(String), name: 'Plan ajeno' }])
		});
	});
});
