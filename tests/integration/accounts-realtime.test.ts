// The realtime side of issue 23, item 1: sockets of a temporary password are refused; an admin's
// reset disconnects every socket of the person; changing one's own password keeps this session's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg, PASSWORD } from './support/factories';
import { startRealtime, type TestSocket } from './support/realtime';
import { createSession, validateSessionToken } from '$lib/server/auth';
import { createUser } from '$lib/server/services/users';
import { changePassword, resetUserPassword } from '$lib/server/services/passwords';

const disconnected = (s: TestSocket) => new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));

describe.each(drivers)('account events on sockets (%s)', (driver) => {
	let t: TestDatabase;
	let rt: Awaited<ReturnType<typeof startRealtime>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		rt = await startRealtime(t.db);
	});
	afterAll(async () => {
		await rt?.close();
		await t?.cleanup();
	});

	it('refuses the socket of a temporary password with a sentence that says what to do', async () => {
		const o = await makeOrg(t.db);
		const u = await createUser(t.db, o.admin, {
			name: 'Tere Temporal',
			email: `tere-${driver}@prueba.mx`,
			role: 'agent',
			password: PASSWORD
		});
		const { token } = await createSession(t.db, { id: u.id, orgId: o.org.id });
		await expect(rt.connectWithCookie(`session=${token}`)).rejects.toThrow(/Cambia tu contraseña temporal/);
	});

	it('an admin reset ends every socket of the person, with the reason', async () => {
		const o = await makeOrg(t.db);
		const [a, b] = [await rt.connectAs(o.coordinator), await rt.connectAs(o.coordinator)];
		const ended = new Promise<string>((resolve) => b.once('session:ended', resolve));
		const gone = Promise.all([disconnected(a), disconnected(b)]);
		await resetUserPassword(t.db, o.admin, { id: o.coordinator.id });
		expect(await ended).toMatch(/Tu sesión terminó/);
		expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
	});

	it("changing one's own password keeps the socket of the session that did it and ends the others", async () => {
		const o = await makeOrg(t.db);
		const mine = await createSession(t.db, o.agent);
		const here = await rt.connectWithCookie(`session=${mine.token}`);
		const elsewhere = await rt.connectAs(o.agent);
		const gone = disconnected(elsewhere);
		const user = (await validateSessionToken(t.db, mine.token))!.user;
		await changePassword(t.db, user, mine.session.id, {
			current: PASSWORD,
			password: 'mango tlayuda nublado 42',
			passwordConfirm: 'mango tlayuda nublado 42'
		});
		expect(await gone).toBe('io server disconnect');
		expect(here.connected).toBe(true);
	});
});
