import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { hasAnyUser, setupFirstOrganization } from '$lib/server/services/organizations';
import { createUser, listUsers, updateUser } from '$lib/server/services/users';
import { migrate, currentVersion } from '$lib/server/db/migrate';

const valid = {
	orgName: 'Internet Cancún',
	timeZone: 'America/Cancun',
	adminName: 'Ana Admin',
	email: 'ana@cancun.mx',
	password: 'una-contraseña-larga',
	passwordConfirm: 'una-contraseña-larga'
};

describe.each(drivers)('first-run setup on %s', (driver) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(async () => t.cleanup());

	it('rejects bad input with Spanish messages per field and saves nothing', async () => {
		const err = await setupFirstOrganization(t.db, {
			...valid,
			email: 'ana',
			password: 'corta',
			passwordConfirm: 'otra',
			timeZone: 'Marte/Base'
		}).catch((e) => e);
		expect(err.status).toBe(400);
		expect(err.fieldErrors.email[0]).toMatch(/correo electrónico válido/);
		expect(err.fieldErrors.password[0]).toMatch(/al menos 10 caracteres/);
		expect(err.fieldErrors.timeZone[0]).toMatch(/zona horaria válida/);
		expect(await hasAnyUser(t.db.orm)).toBe(false);
		const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from organizations');
		expect(n.n).toBe(0);
	});

	it('creates the provider and its admin once; two at once give exactly one', async () => {
		const results = await Promise.allSettled([
			setupFirstOrganization(t.db, valid),
			setupFirstOrganization(t.db, { ...valid, email: 'otra@cancun.mx', orgName: 'Otro' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(rejected.reason.message).toMatch(/ya se hizo/);
		const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from users');
		expect(n.n).toBe(1);
		const [org] = await t.db.query<{ timeZone: string }>('select time_zone as "timeZone" from organizations');
		expect(org.timeZone).toBe('America/Cancun');
		await expect(setupFirstOrganization(t.db, { ...valid, email: 'tercera@cancun.mx' })).rejects.toThrow(/ya se hizo/);
	});

	it('migrations are idempotent', async () => {
		const before = await currentVersion(t.db);
		expect(await migrate(t.db)).toBe(before);
		expect(before).toMatch(/^\d{14}$/);
	});
});

describe.each(drivers)('users admin on %s', (driver) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(async () => t.cleanup());

	it('only admins manage users, and a refusal writes nothing', async () => {
		const { agent, coordinator } = await makeOrg(t.db);
		for (const actor of [agent, coordinator]) {
			await expect(listUsers(t.db, actor)).rejects.toThrow(/Solo un administrador/);
			await expect(
				createUser(t.db, actor, {
					name: 'Intruso',
					email: `intruso-${actor.role}@prueba.mx`,
					role: 'admin',
					password: 'contraseña-larga-9'
				})
			).rejects.toThrow(/Solo un administrador/);
			const rows = await t.db.query('select id from users where email = $1', [`intruso-${actor.role}@prueba.mx`]);
			expect(rows).toHaveLength(0);
		}
	});

	it('creates users with validated input, changes roles, refuses duplicates', async () => {
		const { admin } = await makeOrg(t.db);
		const bad = await createUser(t.db, admin, { name: 'X', email: 'mal', role: 'jefe', password: '1' }).catch((e) => e);
		expect(Object.keys(bad.fieldErrors).sort()).toEqual(['email', 'name', 'password', 'role']);
		const u = await createUser(t.db, admin, { name: 'Rosa Ruiz', email: 'Rosa@Prueba.mx', role: 'agent', password: 'contraseña-larga-9' });
		expect(u.email).toBe('rosa@prueba.mx');
		await expect(
			createUser(t.db, admin, { name: 'Rosa Dos', email: 'rosa@prueba.mx', role: 'agent', password: 'contraseña-larga-9' })
		).rejects.toThrow(/Ya existe un usuario/);
		const changed = await updateUser(t.db, admin, { id: u.id, role: 'coordinator' });
		expect(changed.role).toBe('coordinator');
		expect(changed.active).toBe(true);
		await expect(updateUser(t.db, admin, { id: admin.id, active: 'false' })).rejects.toThrow(/No puedes/);
	});
});
