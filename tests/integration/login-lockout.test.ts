import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg, PASSWORD } from './support/factories';
import { validateSessionToken } from '$lib/server/auth';
import { login, LOGIN_FAILED, LOGIN_LIMITED, resetLoginLimits, type LoginMeta } from '$lib/server/services/login';
import { dismissLoginFailures, pendingLoginFailures } from '$lib/server/services/login-failures';

const IP_A = '203.0.113.10';
const IP_B = '198.51.100.20';

describe.each(drivers)('login throttling and failure notices on %s', (driver) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(async () => t.cleanup());
	beforeEach(() => resetLoginLimits(t.db));
	afterEach(() => vi.useRealTimers());

	const attempt = (email: string, password: string, meta: LoginMeta) =>
		login(t.db, { email, password }, meta).then(
			(r) => ({ ok: true as const, ...r }),
			(e: Error & { status?: number }) => ({ ok: false as const, message: e.message, status: e.status })
		);

	/** Signs the owner in once from `ip` and returns the device cookie their browser keeps. */
	async function deviceOf(email: string, ip: string): Promise<string> {
		const first = await attempt(email, PASSWORD, { ip, userAgent: 'Firefox' });
		if (!first.ok) throw new Error(first.message);
		return first.device;
	}

	it('throttles an address guessing one account, but the owner with a device cookie gets in from anywhere, that address included', async () => {
		const { agent } = await makeOrg(t.db);
		const device = await deviceOf(agent.email, IP_B);
		await resetLoginLimits(t.db);

		const results = [];
		for (let i = 0; i < 8; i++) results.push(await attempt(agent.email, `mal-${i}`, { ip: IP_A, userAgent: 'curl/8' }));
		expect(results.slice(0, 5).map((r) => !r.ok && r.message)).toEqual(Array(5).fill(LOGIN_FAILED));
		for (const r of results.slice(5)) {
			expect(r.ok).toBe(false);
			expect(!r.ok && r.status).toBe(429);
			expect(!r.ok && r.message).toBe(`${LOGIN_LIMITED} Espera 1 minuto e inténtalo de nuevo.`);
		}
		// Refused before the password is checked: the right one does not get through either.
		expect((await attempt(agent.email, PASSWORD, { ip: IP_A, userAgent: 'curl/8' })).ok).toBe(false);

		// The owner, on their usual browser, elsewhere and in the same office (same address).
		const fromB = await attempt(agent.email, PASSWORD, { ip: IP_B, userAgent: 'Firefox', device });
		expect(fromB.ok && (await validateSessionToken(t.db, fromB.token))?.user.id).toBe(agent.id);
		const fromA = await attempt(agent.email, PASSWORD, { ip: IP_A, userAgent: 'Firefox', device });
		expect(fromA.ok).toBe(true);
		// A new browser on another address is not held back by what IP A did (5 failures < the account's 10).
		expect((await attempt(agent.email, PASSWORD, { ip: '192.0.2.30', userAgent: 'Edge' })).ok).toBe(true);
	});

	it('guessing from many addresses locks the account only for browsers without its device cookie', async () => {
		const { agent } = await makeOrg(t.db);
		const device = await deviceOf(agent.email, IP_B);
		await resetLoginLimits(t.db);
		for (let i = 0; i < 10; i++) {
			expect(await attempt(agent.email, 'mal', { ip: `10.9.0.${i}`, userAgent: null })).toMatchObject({ ok: false, message: LOGIN_FAILED });
		}
		const stranger = await attempt(agent.email, PASSWORD, { ip: '10.9.1.1', userAgent: null });
		expect(stranger).toMatchObject({ ok: false, status: 429 });
		expect((await attempt(agent.email, PASSWORD, { ip: '10.9.1.1', userAgent: null, device })).ok).toBe(true);
	});

	it('a device cookie counts only for its own account and only while its signature holds', async () => {
		const { agent, admin } = await makeOrg(t.db);
		const agentDevice = await deviceOf(agent.email, IP_B);
		await resetLoginLimits(t.db);
		for (let i = 0; i < 5; i++) await attempt(admin.email, 'mal', { ip: IP_A, userAgent: null });
		// The agent's cookie does not unlock the admin's account, nor does a forged one.
		expect(await attempt(admin.email, PASSWORD, { ip: IP_A, userAgent: null, device: agentDevice })).toMatchObject({ status: 429 });
		const [email64, nonce] = agentDevice.split('~')[0].split('.');
		const forged = `${Buffer.from(admin.email).toString('base64url')}.${nonce}.${'A'.repeat(43)}`;
		expect(await attempt(admin.email, PASSWORD, { ip: IP_A, userAgent: null, device: forged })).toMatchObject({ status: 429 });
		expect(await attempt(admin.email, PASSWORD, { ip: IP_A, userAgent: null, device: `${email64}.${nonce}` })).toMatchObject({
			status: 429
		});

		// One browser keeps a cookie per account: signing in as the admin keeps the agent's entry.
		const both = await attempt(admin.email, PASSWORD, { ip: IP_B, userAgent: null, device: agentDevice });
		expect(both.ok && both.device.split('~')).toHaveLength(2);
		for (let i = 0; i < 5; i++) await attempt(agent.email, 'mal', { ip: IP_A, userAgent: null });
		expect((await attempt(agent.email, PASSWORD, { ip: IP_A, userAgent: null, device: both.ok ? both.device : '' })).ok).toBe(true);
	});

	it('a device cookie is throttled on its own failures, so a copied one does not give unlimited guesses', async () => {
		const { agent } = await makeOrg(t.db);
		const device = await deviceOf(agent.email, IP_B);
		for (let i = 0; i < 10; i++) {
			expect(await attempt(agent.email, 'mal', { ip: `10.8.0.${i}`, userAgent: null, device })).toMatchObject({ message: LOGIN_FAILED });
		}
		expect(await attempt(agent.email, PASSWORD, { ip: '10.8.1.1', userAgent: null, device })).toMatchObject({ status: 429 });
	});

	it('each lockout of an address guessing one account lasts twice as long as the last', async () => {
		const { agent } = await makeOrg(t.db);
		vi.useFakeTimers({ toFake: ['Date'] });
		const start = Date.now();
		const meta = { ip: IP_A, userAgent: null };
		for (let i = 0; i < 5; i++) await attempt(agent.email, 'mal', meta);
		const waits: string[] = [];
		let clock = start;
		for (const minutes of [1, 2, 4, 8]) {
			const refused = await attempt(agent.email, 'mal', meta);
			waits.push(refused.ok ? 'entró' : refused.message);
			clock += minutes * 60_000 + 1000;
			vi.setSystemTime(clock);
			expect(await attempt(agent.email, 'mal', meta)).toMatchObject({ message: LOGIN_FAILED });
		}
		expect(waits).toEqual([1, 2, 4, 8].map((n) => `${LOGIN_LIMITED} Espera ${n} ${n === 1 ? 'minuto' : 'minutos'} e inténtalo de nuevo.`));
		// The right password, once the lockout is over, gets in and clears this address's count.
		clock += 16 * 60_000 + 1000;
		vi.setSystemTime(clock);
		expect((await attempt(agent.email, PASSWORD, meta)).ok).toBe(true);
		expect(await attempt(agent.email, 'mal', meta)).toMatchObject({ message: LOGIN_FAILED });
	});

	it('records failures of a real account for its owner, shows them until dismissed, and nothing for an unknown email', async () => {
		const { agent, admin } = await makeOrg(t.db);
		const before = await t.db.query<{ n: number }>('select count(*)::int as n from login_failures');
		expect(await attempt('nadie-aqui@prueba.mx', 'mal', { ip: IP_A, userAgent: 'curl/8' })).toMatchObject({ message: LOGIN_FAILED });
		expect((await t.db.query<{ n: number }>('select count(*)::int as n from login_failures'))[0].n).toBe(before[0].n);

		await attempt(agent.email, 'mal-1', { ip: IP_A, userAgent: 'curl/8' });
		await attempt(agent.email.toUpperCase(), 'mal-2', { ip: '2001:db8:aa:bb:1:2:3:4', userAgent: 'x'.repeat(500) });
		await attempt(agent.email, 'mal-3', { ip: IP_B, userAgent: null });
		const signedIn = await attempt(agent.email, PASSWORD, { ip: IP_B, userAgent: 'Firefox' });
		if (!signedIn.ok) throw new Error(signedIn.message);
		const user = (await validateSessionToken(t.db, signedIn.token))!.user;

		const shown = await pendingLoginFailures(t.db, user);
		expect(shown.total).toBe(3);
		expect(shown.recent.map((f) => f.ip)).toEqual([IP_B, '2001:db8:aa:bb::/64', IP_A]);
		expect(shown.recent[1].userAgent).toHaveLength(160);
		expect(new Date(shown.recent[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
		expect((await pendingLoginFailures(t.db, admin)).total).toBe(0);

		// A failure after the notice was shown stays to be seen; the ones shown go away.
		await attempt(agent.email, 'mal-4', { ip: IP_A, userAgent: null });
		await expect(dismissLoginFailures(t.db, admin, { hasta: String(shown.recent[0].id) })).resolves.toBe(0);
		expect(await dismissLoginFailures(t.db, user, { hasta: String(shown.recent[0].id) })).toBe(3);
		const after = await pendingLoginFailures(t.db, user);
		expect(after.total).toBe(1);
		expect(after.recent[0].id).toBeGreaterThan(shown.recent[0].id);
		await expect(dismissLoginFailures(t.db, user, { hasta: 'todo' })).rejects.toThrow(/Recarga la página/);
	});
});
