import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { count } from './support/card-fixtures';
import { createLead, submitPublicRequest } from '$lib/server/services/leads';
import { RateLimiter } from '$lib/server/rate-limit';
import { POSITION_GAP } from '$lib/domain/positions';

describe.each(drivers)('new preinstallations on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());
	const cards = () => count(t.db, 'installations', 'org_id = $1', [o.org.id]);

	it('creates a card at the end of preinstalación, normalised, announced on the board', async () => {
		const a = await createLead(t.db, o.agent, {
			fullName: ' ana  DE la  cruz ',
			phone: '+52 1 998 111 2233',
			email: 'Ana@Gmail.com',
			source: 'web'
		});
		const b = await createLead(t.db, o.agent, { fullName: 'Beto Pool', phone: '9981112234', source: 'ventas' });
		const rows = await t.db.query<{
			id: string;
			full_name: string;
			phone: string;
			email: string;
			position: number;
			stage: string;
			installation_cost_cents: number;
		}>(
			'select id, full_name, phone, email, position, stage, installation_cost_cents from installations where id = any($1::uuid[]) order by position',
			[[a.id, b.id]]
		);
		expect(rows[0]).toMatchObject({
			id: a.id,
			full_name: 'Ana de la Cruz',
			phone: '9981112233',
			email: 'ana@gmail.com',
			stage: 'preinstalacion',
			installation_cost_cents: 120_000
		});
		expect(rows[1].position - rows[0].position).toBe(POSITION_GAP);
		expect(await count(t.db, 'board_events', `card_id = $1 and kind = 'card:created'`, [a.id])).toBe(1);
		expect(await count(t.db, 'stage_history', 'installation_id = $1', [a.id])).toBe(1);
	});

	it('refuses bad input field by field and saves nothing', async () => {
		const before = await cards();
		const err = await createLead(t.db, o.agent, { fullName: 'a', phone: '12', email: 'x@', source: 'tele' }).catch((e) => e);
		expect(err.status).toBe(400);
		expect(Object.keys(err.fieldErrors).sort()).toEqual(['email', 'fullName', 'phone', 'source']);
		expect(err.fieldErrors.phone[0]).toMatch(/10 dígitos/);
		expect(await cards()).toBe(before);
	});

	it('technicians cannot create leads', async () => {
		const before = await cards();
		await expect(createLead(t.db, o.technician, { fullName: 'Ana Pérez', phone: '9981112233', source: 'web' })).rejects.toMatchObject({
			status: 403
		});
		expect(await cards()).toBe(before);
	});

	it('/solicitar: an IPv6 client counts by its /64', async () => {
		const limiter = new RateLimiter(1, 60_000);
		const ctx = { orgSlug: o.org.slug, bodyBytes: 200, limiter };
		expect((await submitPublicRequest(t.db, { ...ctx, ip: '2001:db8:9:1::10' }, { fullName: 'Rosa Uc', phone: '9982223350' })).saved).toBe(
			true
		);
		const before = await cards();
		await expect(
			submitPublicRequest(t.db, { ...ctx, ip: '2001:db8:9:1::11' }, { fullName: 'Rosa Uc Otra', phone: '9982223351' })
		).rejects.toMatchObject({ status: 429 });
		expect(await cards()).toBe(before);
		expect(
			(await submitPublicRequest(t.db, { ...ctx, ip: '2001:db8:9:2::10' }, { fullName: 'Rosa Uc Pat', phone: '9982223352' })).saved
		).toBe(true);
	});

	it('/solicitar: creates a "solicitud" card; honeypot, oversize and rate limit save nothing', async () => {
		const limiter = new RateLimiter(2, 60_000);
		const ctx = { orgSlug: o.org.slug, ip: '10.0.0.1', bodyBytes: 200, limiter };
		const ok = await submitPublicRequest(t.db, ctx, { fullName: 'carla méndez', phone: '998 222 3344', colonia: 'SM 64' });
		expect(ok.saved).toBe(true);
		const [row] = await t.db.query<{ source: string; addr_colonia: string }>(
			`select source, addr_colonia from installations where org_id = $1 and full_name = 'Carla Méndez'`,
			[o.org.id]
		);
		expect(row).toEqual({ source: 'solicitud', addr_colonia: 'SM 64' });

		const before = await cards();
		expect((await submitPublicRequest(t.db, ctx, { fullName: 'Bot Spam', phone: '9982223345', website: 'http://spam' })).saved).toBe(false);
		await expect(submitPublicRequest(t.db, ctx, { fullName: 'Otra Persona', phone: '9982223346' })).rejects.toMatchObject({ status: 429 });
		await expect(
			submitPublicRequest(t.db, { ...ctx, ip: '10.0.0.2', bodyBytes: 100_000 }, { fullName: 'X'.repeat(90_000), phone: '9982223346' })
		).rejects.toMatchObject({ status: 413 });
		const invalid = await submitPublicRequest(
			t.db,
			{ ...ctx, ip: '10.0.0.3' },
			{ fullName: 'Ana', phone: 'abc', comments: 'x'.repeat(1001) }
		).catch((e) => e);
		expect(invalid.status).toBe(400);
		expect(invalid.fieldErrors.comments[0]).toMatch(/demasiado largo/);
		expect(await cards()).toBe(before);
	});
});
