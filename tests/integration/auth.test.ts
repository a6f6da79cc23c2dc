import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg, PASSWORD } from './support/factories';
import { createSession, generateToken, validateSessionToken, SESSION_TTL } from '$lib/server/auth';
import { login, LOGIN_FAILED, LOGIN_LIMITED, resetLoginLimits } from '$lib/server/services/login';
import { updateUser } from '$lib/server/services/users';

describe.each(drivers)('auth on %s', (driver) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(async () => t.cleanup());
	beforeEach(() => resetLoginLimits(t.db));

	it('stores only the hash of the token and validates it', async () => {
		const { agent } = await makeOrg(t.db);
		const { token, session } = await createSession(t.db.orm, agent);
		const [row] = await t.db.query<{ id: string }>('select id from sessions where id = $1', [session.id]);
		expect(row.id).not.toContain(token);
		expect(row.id).toMatch(/^[0-9a-f]{64}$/);
		const result = await validateSessionToken(t.db, token);
		const [user] = await t.db.query<{ orgId: string; email: string; name: string; locale: string; color: string | null }>(
			'select org_id as "orgId", email, name, locale, color from users where id = $1',
			[agent.id]
		);
		const [org] = await t.db.query<{ name: string; time_zone: string }>('select name, time_zone from organizations where id = $1', [
			user.orgId
		]);
		expect(result?.user).toEqual({
			id: agent.id,
			orgId: user.orgId,
			orgName: org.name,
			timeZone: org.time_zone,
			email: user.email,
			name: user.name,
			role: 'agent',
			locale: user.locale,
			color: user.color,
			mustChangePassword: false
		});
		expect(result?.session).toEqual({ id: session.id, userId: agent.id, expiresAt: session.expiresAt });
	});

	it('treats a tampered or unknown token as logged out', async () => {
		const { agent } = await makeOrg(t.db);
		const { token } = await createSession(t.db.orm, agent);
		const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		expect(await validateSessionToken(t.db, tampered)).toBeNull();
		expect(await validateSessionToken(t.db, generateToken())).toBeNull();
		expect(await validateSessionToken(t.db, '<script>')).toBeNull();
	});

	it('treats an expired session as logged out and extends one that is close to expiring', async () => {
		const { agent } = await makeOrg(t.db);
		const expired = await createSession(t.db.orm, agent);
		await t.db.query('update sessions set expires_at = $2::timestamptz where id = $1', [
			expired.session.id,
			new Date(Date.now() - 1000).toISOString()
		]);
		expect(await validateSessionToken(t.db, expired.token)).toBeNull();

		const old = await createSession(t.db.orm, agent);
		await t.db.query('update sessions set expires_at = $2::timestamptz where id = $1', [
			old.session.id,
			new Date(Date.now() + 24 * 3600 * 1000).toISOString()
		]);
		const renewed = await validateSessionToken(t.db, old.token);
		expect(renewed!.session.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_TTL - 60_000);
		const [stored] = await t.db.query<{ expiresAt: number }>(
			'select (extract(epoch from expires_at) * 1000)::float8 as "expiresAt" from sessions where id = $1',
			[old.session.id]
		);
		expect(Number(stored.expiresAt)).toBe(renewed!.session.expiresAt.getTime());
	});

	it('logs a deactivated user out everywhere at once', async () => {
		const { admin, agent } = await makeOrg(t.db);
		const a = await createSession(t.db.orm, agent);
		const b = await createSession(t.db.orm, agent);
		await updateUser(t.db, admin, { id: agent.id, active: 'false' });
		expect(await validateSessionToken(t.db, a.token)).toBeNull();
		expect(await validateSessionToken(t.db, b.token)).toBeNull();
		expect(await t.db.query('select id from sessions where user_id = $1', [agent.id])).toHaveLength(0);
		await expect(login(t.db, { email: agent.email, password: PASSWORD }, { ip: '10.0.0.1', userAgent: null })).rejects.toThrow(
			LOGIN_FAILED
		);
	});

	it('answers the same sentence for a wrong password and for an unknown email', async () => {
		const { agent } = await makeOrg(t.db);
		const meta = { ip: '10.0.0.2', userAgent: 'vitest' };
		await expect(login(t.db, { email: agent.email, password: 'equivocada' }, meta)).rejects.toThrow(LOGIN_FAILED);
		await expect(login(t.db, { email: 'nadie@prueba.mx', password: 'equivocada' }, meta)).rejects.toThrow(LOGIN_FAILED);
		const ok = await login(t.db, { email: agent.email.toUpperCase(), password: PASSWORD }, meta);
		expect((await validateSessionToken(t.db, ok.token))?.user.id).toBe(agent.id);
	});

	it('rejects malformed login input with a Spanish message', async () => {
		await expect(login(t.db, { email: 'no-es-correo', password: 'x' }, { ip: '10.0.0.3', userAgent: null })).rejects.toThrow(
			/correo electrónico válido/
		);
	});

	it('rate-limits one IP across accounts', async () => {
		const results = [];
		for (let i = 0; i < 31; i++) {
			results.push(
				await login(t.db, { email: `x${i}@prueba.mx`, password: 'mal' }, { ip: '10.2.0.1', userAgent: null }).catch((e: Error) => e.message)
			);
		}
		expect(results.at(-1)).toMatch(LOGIN_LIMITED);
		expect(results[0]).toBe(LOGIN_FAILED);
	});

	it('counts an IPv6 client by its /64, which it can pick any address from', async () => {
		await resetLoginLimits(t.db);
		const attempt = (i: number, ip: string) =>
			login(t.db, { email: `v6-${i}@prueba.mx`, password: 'mal' }, { ip, userAgent: null }).catch((e: Error) => e.message);
		for (let i = 0; i < 30; i++) expect(await attempt(i, `2001:db8:5:6::${(i + 1).toString(16)}`)).toBe(LOGIN_FAILED);
		expect(await attempt(30, '2001:db8:5:6:ffff:ffff:ffff:1')).toMatch(LOGIN_LIMITED);
		expect(await attempt(31, '2001:db8:5:7::1')).toBe(LOGIN_FAILED);
	});

	it('never lets one provider manage the users of another', async () => {
		const a = await makeOrg(t.db);
		const b = await makeOrg(t.db);
		await expect(updateUser(t.db, b.admin, { id: a.agent.id, active: 'false' })).rejects.toThrow(/no existe en tu organización/);
		const [still] = await t.db.query<{ active: boolean }>('select active from users where id = $1', [a.agent.id]);
		expect(still.active).toBe(true);
	});
});
