/**
 * The rate limits are kept in PostgreSQL when the app runs on it: two instances (here two handles
 * with pools of their own on one database, as two processes have) count the same hits, and a
 * restarted instance (a new handle) still sees them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '$lib/server/db/client';
import { freshDatabase, type TestDatabase } from './support/db';
import { makeOrg, PASSWORD } from './support/factories';
import { login, LOGIN_FAILED, LOGIN_LIMITED, resetLoginLimits } from '$lib/server/services/login';
import { publicRequestLimiter, submitPublicRequest } from '$lib/server/services/leads';
import { signingLimits } from '../../src/routes/firmar/[token]/limits.server';

describe.skipIf(!process.env.TEST_DATABASE_URL)('rate limits shared through PostgreSQL', () => {
	let t: TestDatabase;
	let a: Database;
	let b: Database;
	beforeAll(async () => {
		t = await freshDatabase('postgres');
		a = await openDatabase({ url: t.url, maxConnections: 2 });
		b = await openDatabase({ url: t.url, maxConnections: 2 });
	});
	afterAll(async () => {
		await Promise.all([a?.close(), b?.close()]);
		await t?.cleanup();
	});

	const attempt = (db: Database, email: string, password: string, ip: string) =>
		login(db, { email, password }, { ip, userAgent: null }).then(
			() => ({ ok: true as const }),
			(e: Error & { status?: number }) => ({ ok: false as const, message: e.message, status: e.status })
		);

	it('two instances share the sign-in limit, and a restarted one keeps the count', async () => {
		const { agent } = await makeOrg(t.db);
		await resetLoginLimits(t.db);
		const ip = '203.0.113.77';
		// Five failures split across the instances lock the address for this account (5 free).
		for (const db of [a, b, a, b, a]) expect(await attempt(db, agent.email, 'mal', ip)).toMatchObject({ message: LOGIN_FAILED });
		const locked = `${LOGIN_LIMITED} Espera 1 minuto e inténtalo de nuevo.`;
		expect(await attempt(b, agent.email, PASSWORD, ip)).toMatchObject({ status: 429, message: locked });
		expect(await attempt(a, agent.email, PASSWORD, ip)).toMatchObject({ status: 429, message: locked });

		// Instance A restarts: a new process, a new pool, the same database.
		await a.close();
		a = await openDatabase({ url: t.url, maxConnections: 2 });
		expect(await attempt(a, agent.email, PASSWORD, ip)).toMatchObject({ status: 429, message: locked });
		// Another address is not held back.
		expect((await attempt(a, agent.email, PASSWORD, '198.51.100.9')).ok).toBe(true);
	});

	it('two instances share the /solicitar and signing-link limits', async () => {
		const o = await makeOrg(t.db);
		await publicRequestLimiter.reset(t.db);
		const ctx = { orgSlug: o.org.slug, ip: '192.0.2.44', bodyBytes: 200 };
		const ask = (db: Database, i: number) => submitPublicRequest(db, ctx, { fullName: `Persona ${i}`, phone: `998222${String(3300 + i)}` });
		for (let i = 0; i < 5; i++) expect((await ask(i % 2 ? a : b, i)).saved).toBe(true);
		await expect(ask(a, 5)).rejects.toMatchObject({
			status: 429,
			message: 'Recibimos demasiadas solicitudes desde tu conexión. Intenta de nuevo en una hora o llámanos.'
		});
		await expect(ask(b, 6)).rejects.toMatchObject({ status: 429 });

		await signingLimits.sign.reset(t.db);
		const hits = [];
		for (let i = 0; i < signingLimits.sign.limit + 1; i++) hits.push(await signingLimits.sign.hit(i % 2 ? a : b, '192.0.2.45'));
		expect(hits.filter((ok) => !ok)).toHaveLength(1);
		expect(hits.at(-1)).toBe(false);
	});

	it('keeps the counters in the rate_limits table, one row per limit and key', async () => {
		await signingLimits.view.reset(t.db);
		await signingLimits.view.hit(a, '192.0.2.46');
		await signingLimits.view.hit(b, '192.0.2.46');
		const rows = await t.db.query<{ key: string; points: number }>(`select key, points from rate_limits where key like 'signing-view:%'`);
		expect(rows).toEqual([{ key: 'signing-view:192.0.2.46', points: 2 }]);
	});
});
