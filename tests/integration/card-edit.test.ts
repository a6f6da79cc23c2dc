import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { count, makeCatalog, makeLead } from './support/card-fixtures';
import { updateCardField, FieldConflictError } from '$lib/server/services/card-edit';
import { cardPanel } from '$lib/server/services/cards';
import { ServiceError } from '$lib/server/services/errors';

describe.each(drivers)('card field autosave on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	let cat: Awaited<ReturnType<typeof makeCatalog>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		cat = await makeCatalog(t.db, o.org.id);
	});
	afterAll(() => t.cleanup());

	it('normalises, saves and writes one history row per change', async () => {
		const { id } = await makeLead(t.db, o.agent);
		const r = await updateCardField(t.db, o.agent, id, {
			field: 'fullName',
			value: 'maría  de la cruz   pérez',
			baseValue: 'José Luis Cocom Pech'
		});
		expect(r).toMatchObject({ changed: true, value: 'María de la Cruz Pérez' });
		const rows = await t.db.query<{ field: string; old_value: unknown; new_value: unknown; source: string }>(
			`select field, old_value, new_value, source from card_history where installation_id = $1 and kind = 'field' and field = 'fullName'`,
			[id]
		);
		expect(rows).toEqual([
			{ field: 'fullName', old_value: 'José Luis Cocom Pech', new_value: 'María de la Cruz Pérez', source: 'tarjeta' }
		]);
	});

	it('two agents, same field: the second gets a 409 with both values and nothing is lost', async () => {
		const { id } = await makeLead(t.db, o.agent);
		const panel = await cardPanel(t.db, o.agent, id);
		const base = panel.detail.values.email;
		await updateCardField(t.db, o.agent, id, { field: 'email', value: 'primera@gmail.com', baseValue: base });
		const err = await updateCardField(t.db, o.coordinator, id, { field: 'email', value: 'segunda@gmail.com', baseValue: base }).catch(
			(e) => e
		);
		expect(err).toBeInstanceOf(FieldConflictError);
		expect(err).toMatchObject({ status: 409, mine: 'segunda@gmail.com', theirs: 'primera@gmail.com' });
		const [row] = await t.db.query<{ email: string }>('select email from installations where id = $1', [id]);
		expect(row.email).toBe('primera@gmail.com');
		// The user picks theirs/mine explicitly: force resends.
		await updateCardField(t.db, o.coordinator, id, { field: 'email', value: 'segunda@gmail.com', baseValue: base, force: true });
		const [after] = await t.db.query<{ email: string }>('select email from installations where id = $1', [id]);
		expect(after.email).toBe('segunda@gmail.com');
		expect(await count(t.db, 'card_history', `installation_id = $1 and field = 'email'`, [id])).toBe(2);
	});

	it('two saves of the same field at the same instant: one wins, the other gets the conflict', async () => {
		const { id } = await makeLead(t.db, o.agent);
		const results = await Promise.allSettled([
			updateCardField(t.db, o.agent, id, { field: 'addrStreet', value: 'Calle Uno', baseValue: '' }),
			updateCardField(t.db, o.coordinator, id, { field: 'addrStreet', value: 'Calle Dos', baseValue: '' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(rejected.reason).toBeInstanceOf(FieldConflictError);
		const [row] = await t.db.query<{ addr_street: string }>('select addr_street from installations where id = $1', [id]);
		expect(row.addr_street).toBe(rejected.reason.theirs);
	});

	it('different fields merge even though the version moved', async () => {
		const { id } = await makeLead(t.db, o.agent);
		const panel = await cardPanel(t.db, o.agent, id);
		const v = panel.card.version;
		await updateCardField(t.db, o.agent, id, { field: 'addrStreet', value: 'Calle 10', baseVersion: v, baseValue: '' });
		await updateCardField(t.db, o.coordinator, id, { field: 'addrColonia', value: 'Centro', baseVersion: v, baseValue: '' });
		const [row] = await t.db.query<{ addr_street: string; addr_colonia: string }>(
			'select addr_street, addr_colonia from installations where id = $1',
			[id]
		);
		expect(row).toEqual({ addr_street: 'Calle 10', addr_colonia: 'Centro' });
	});

	it('rejects bad input with a Spanish message and writes nothing', async () => {
		const { id } = await makeLead(t.db, o.agent);
		const before = await count(t.db, 'card_history', 'installation_id = $1', [id]);
		const bad = [
			{ field: 'phone', value: '123' },
			{ field: 'email', value: 'no-es-correo' },
			{ field: 'addrCity', value: 'Mérida' },
			{ field: 'installationDate', value: '2026-02-30' },
			{ field: 'installationCost', value: 'mucho' },
			{ field: 'contractType', value: '24_meses' },
			{ field: 'planId', value: cat.tv },
			{ field: 'noExiste', value: 'x' }
		];
		for (const b of bad) {
			const err = await updateCardField(t.db, o.agent, id, b).catch((e) => e);
			expect(err, b.field).toBeInstanceOf(ServiceError);
			expect(err.status, b.field).toBe(400);
			expect(err.message, b.field).toMatch(/[a-zá-ú]/i);
		}
		expect(await count(t.db, 'card_history', 'installation_id = $1', [id])).toBe(before);
		const [row] = await t.db.query<{ phone: string; email: string | null }>('select phone, email from installations where id = $1', [id]);
		expect(row).toEqual({ phone: '9981234567', email: null });
	});

	it('technicians may only fill equipment fields on their own jobs', async () => {
		const { id } = await makeLead(t.db, o.agent);
		await expect(updateCardField(t.db, o.technician, id, { field: 'phone', value: '9987654321' })).rejects.toMatchObject({ status: 403 });
		await expect(updateCardField(t.db, o.technician, id, { field: 'dni', value: 'ABC' })).rejects.toMatchObject({ status: 404 });
		await t.db.query('update installations set technician_id = $1 where id = $2', [o.technician.id, id]);
		await updateCardField(t.db, o.technician, id, { field: 'cpeMac', value: 'aa-bb-cc-dd-ee-ff' });
		const [row] = await t.db.query<{ cpe_mac: string; phone: string }>('select cpe_mac, phone from installations where id = $1', [id]);
		expect(row).toEqual({ cpe_mac: 'AA:BB:CC:DD:EE:FF', phone: '9981234567' });
	});

	it('stores plan, add-ons, acceptance stamps and the installation cost', async () => {
		const { id } = await makeLead(t.db, o.agent);
		await updateCardField(t.db, o.agent, id, { field: 'planId', value: cat.alto });
		await updateCardField(t.db, o.agent, id, { field: 'addonPlanIds', value: [cat.tv] });
		await updateCardField(t.db, o.agent, id, { field: 'customerAccepted', value: true });
		await updateCardField(t.db, o.agent, id, { field: 'installationCost', value: '1,500' });
		const p = await cardPanel(t.db, o.agent, id);
		expect(p.detail.values).toMatchObject({
			planId: cat.alto,
			addonPlanIds: [cat.tv],
			customerAccepted: true,
			installationCost: '1500.00'
		});
		expect(p.card.customerAcceptedAt).toBeTruthy();
		expect(p.history.filter((h) => h.kinds.includes('field')).length).toBeGreaterThanOrEqual(4);
	});
});
