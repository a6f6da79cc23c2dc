// The migrations apply in one go and its triggers carry the realtime bus, on PGlite
// always and on PostgreSQL when TEST_DATABASE_URL is set (in a throwaway database).
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { loadMigrations } from '$lib/server/db/migrate';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const migration = loadMigrations(fileURLToPath(new URL('../../supabase/migrations', import.meta.url)))
	.map((m) => m.sql)
	.join('\n');

type Row = Record<string, unknown>;
type Query = <T extends Row = Row>(text: string, params?: unknown[]) => Promise<T[]>;

interface Target {
	query: Query;
	/** Runs fn inside one transaction. */
	tx(fn: (query: Query) => Promise<void>): Promise<void>;
	listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

async function openPglite(): Promise<Target> {
	const db = new PGlite();
	await db.exec(migration);
	const wrap =
		(q: Pick<PGlite, 'query'>): Query =>
		async <T extends Row>(text: string, params?: unknown[]) =>
			(await q.query<T>(text, params)).rows;
	return {
		query: wrap(db),
		tx: (fn) => db.transaction((tx) => fn(wrap(tx))),
		listen: (channel, onPayload) => db.listen(channel, onPayload),
		close: () => db.close()
	};
}

async function openPostgres(adminUrl: string): Promise<Target> {
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	const name = `tmp_${randomBytes(6).toString('hex')}`;
	await admin.unsafe(`create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
	const wrap =
		(q: postgres.Sql | postgres.TransactionSql): Query =>
		async <T extends Row>(text: string, params?: unknown[]) =>
			(await q.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
	try {
		await sql.unsafe(migration);
	} catch (error) {
		await sql.end();
		await admin.unsafe(`drop database ${name} with (force)`);
		await admin.end();
		throw error;
	}
	return {
		query: wrap(sql),
		tx: async (fn) => {
			await sql.begin((tx) => fn(wrap(tx)));
		},
		listen: async (channel, onPayload) => {
			const { unlisten } = await sql.listen(channel, onPayload);
			return unlisten;
		},
		close: async () => {
			await sql.end();
			await admin.unsafe(`drop database ${name} with (force)`);
			await admin.end();
		}
	};
}

/** Resolves with the first payload `matches` accepts, or rejects after `ms`. */
function nextNotification(payloads: string[], matches: (payload: Row) => boolean, ms = 5000): Promise<Row> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const poll = () => {
			const hit = payloads.map((p) => JSON.parse(p) as Row).find(matches);
			if (hit) resolve(hit);
			else if (Date.now() - started > ms) reject(new Error('no matching NOTIFY on board_events'));
			else setTimeout(poll, 10);
		};
		poll();
	});
}

const targets: [string, () => Promise<Target>][] = [['PGlite', openPglite]];
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
if (testDatabaseUrl) targets.push(['PostgreSQL', () => openPostgres(testDatabaseUrl)]);

describe.each(targets)('initial schema on %s', (_name, open) => {
	let db: Target;
	let orgId: string;
	let zoneId: string;

	async function createCard(fields: Row = {}): Promise<string> {
		const id = randomUUID();
		const columns = ['id', 'org_id', 'full_name', 'position', ...Object.keys(fields)];
		const values = [id, orgId, 'Juan Pérez', 1000, ...Object.values(fields)];
		await db.query(
			`insert into installations (${columns.join(', ')})
			 values (${values.map((_, i) => `$${i + 1}`).join(', ')})`,
			values
		);
		return id;
	}

	async function eventsFor(cardId: string) {
		return db.query<{ seq: unknown; kind: string; patch: Row; version: number; actor_id: string | null }>(
			'select seq, kind, patch, version, actor_id from board_events where card_id = $1 order by seq',
			[cardId]
		);
	}

	async function createOrg(): Promise<string> {
		const [org] = await db.query<{ id: string }>('insert into organizations (name, slug) values ($1, $2) returning id', [
			'WISP Demo',
			`demo-${randomUUID()}`
		]);
		return org.id;
	}

	beforeAll(async () => {
		db = await open();
		orgId = await createOrg();
		const [zone] = await db.query<{ id: string }>(
			`insert into zones (org_id, name, payment_day) values ($1, 'RB3 ZONA SUR DÍA 28', 28) returning id`,
			[orgId]
		);
		zoneId = zone.id;
	});

	afterAll(async () => {
		await db?.close();
	});

	it('creates every table of the domain', async () => {
		const rows = await db.query<{ table_name: string }>(
			`select table_name from information_schema.tables
			  where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`
		);
		expect(rows.map((r) => r.table_name)).toEqual([
			'addon_services',
			'app_secrets',
			'applied_actions',
			'audit_log',
			'board_events',
			'call_claims',
			'cancellations',
			'card_history',
			'card_reach',
			'checklist_items',
			'checklist_templates',
			'customer_messages',
			'display_tokens',
			'document_templates',
			'documents',
			'duplicate_pairs',
			'files',
			'folio_counters',
			'installation_products',
			'installations',
			'ip_allocations',
			'lead_calls',
			'login_failures',
			'notification_preferences',
			'notifications',
			'organizations',
			'password_resets',
			'payments',
			'plans',
			'products',
			'rate_limits',
			'recovery_codes',
			'sessions',
			'signatures',
			'signing_links',
			'socket_io_attachments',
			'stage_history',
			'user_invitations',
			'users',
			'whatsapp_connections',
			'wisphub_connections',
			'wisphub_jobs',
			'wisphub_mappings',
			'zone_coverage_areas',
			'zone_ip_pools',
			'zone_technicians',
			'zones'
		]);
	});

	it('sends a small NOTIFY on board_events when a card changes', async () => {
		const payloads: string[] = [];
		const unlisten = await db.listen('board_events', (payload) => payloads.push(payload));
		try {
			const cardId = await createCard();
			const created = await nextNotification(payloads, (p) => p.card === cardId);
			const [event] = await eventsFor(cardId);
			expect(created).toMatchObject({
				seq: Number(event.seq),
				org: orgId,
				card: cardId,
				kind: 'card:created',
				version: 1,
				actor: null
			});

			await db.query(`update installations set stage = 'cobertura_confirmada' where id = $1`, [cardId]);
			const moved = await nextNotification(payloads, (p) => p.card === cardId && p.kind === 'card:moved');
			// A small patch travels in the notification, so listeners need no query to apply it.
			expect(moved).toMatchObject({ org: orgId, version: 2, patch: { stage: 'cobertura_confirmada', version: 2 } });
			expect(Number(moved.seq)).toBeGreaterThan(Number(event.seq));
		} finally {
			await unlisten();
		}
	});

	it('never gives the same IP twice in an organization, nor two IPs to one card', async () => {
		const first = await createCard();
		const second = await createCard();
		const allocate = (installationId: string, ip: string, org = orgId, zone = zoneId) =>
			db.query('insert into ip_allocations (org_id, zone_id, installation_id, ip) values ($1, $2, $3, $4)', [
				org,
				zone,
				installationId,
				ip
			]);

		await allocate(first, '10.20.0.5');
		await expect(allocate(second, '10.20.0.5')).rejects.toThrow(/ip_allocations_org_ip_key/);
		await expect(allocate(first, '10.20.0.6')).rejects.toThrow(/ip_allocations_installation_key/);
		// '10.20.0.5/24' would slip past the unique index as a different value.
		await expect(allocate(second, '10.20.0.5/24')).rejects.toThrow(/ip_allocations_ip_check/);

		const otherOrg = await createOrg();
		const [otherZone] = await db.query<{ id: string }>(`insert into zones (org_id, name, payment_day) values ($1, 'RB1', 5) returning id`, [
			otherOrg
		]);
		const [otherCard] = await db.query<{ id: string }>(
			`insert into installations (org_id, full_name, position) values ($1, 'Ana Cocom', 1) returning id`,
			[otherOrg]
		);
		await allocate(otherCard.id, '10.20.0.5', otherOrg, otherZone.id);
		const rows = await db.query('select 1 from ip_allocations where ip = $1', ['10.20.0.5']);
		expect(rows).toHaveLength(2);
	});

	it('bumps version on a real change only, and stamps stage_changed_at', async () => {
		const cardId = await createCard();
		const card = () =>
			db
				.query<{ version: number; stage_changed_at: Date; updated_at: Date }>(
					'select version, stage_changed_at, updated_at from installations where id = $1',
					[cardId]
				)
				.then((rows) => rows[0]);
		const before = await card();
		expect(before.version).toBe(1);

		await db.query('update installations set email = $2 where id = $1', [cardId, 'juan@example.mx']);
		expect((await card()).version).toBe(2);

		await db.query('update installations set email = email where id = $1', [cardId]);
		expect((await card()).version).toBe(2);

		// A writer that bumps the version itself (optimistic concurrency) is not bumped twice.
		await db.query('update installations set comments = $2, version = version + 1 where id = $1', [cardId, 'llamar después de las 5']);
		expect((await card()).version).toBe(3);

		await db.query(`update installations set stage = 'cobertura_confirmada' where id = $1`, [cardId]);
		const after = await card();
		expect(after.version).toBe(4);
		expect(after.stage_changed_at.getTime()).toBeGreaterThan(before.stage_changed_at.getTime());
		expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
	});

	it('refuses a card with a value outside its column’s rules, on insert and on update, as a CHECK would', async () => {
		const bad: [column: string, value: unknown][] = [
			['stage', 'archivada'],
			['phone', '998123456'],
			['phone_alt', '99812345678'],
			['source', 'radio'],
			['house_ownership', 'prestada'],
			['lat', 90.5],
			['lng', -180.1],
			['service_type', 'satelital'],
			['contract_type', '6_meses'],
			['installation_cost_cents', -1],
			['ip', '10.0.0.0/24'],
			// A reason is any key of the provider's list (settings.cancelReasons), never free words.
			['cancel_reason', 'Porque sí']
		];
		const violation = async (run: Promise<unknown>) => {
			const err = (await run.then(
				() => null,
				(e: unknown) => e
			)) as { code?: string; message?: string; constraint?: string; constraint_name?: string } | null;
			return err && { code: err.code, constraint: err.constraint ?? err.constraint_name, message: err.message };
		};
		const cardId = await createCard();
		for (const [column, value] of bad) {
			const check = `installations_${column}_check`;
			const expected = {
				code: '23514',
				constraint: check,
				message: `new row for relation "installations" violates check constraint "${check}"`
			};
			expect(await violation(createCard({ [column]: value })), `insert ${column}`).toEqual(expected);
			expect(
				await violation(db.query(`update installations set ${column} = $2 where id = $1`, [cardId, value])),
				`update ${column}`
			).toEqual(expected);
		}
		// Nothing was half-written, and the card still takes good values and NULLs.
		const [row] = await db.query<Row>('select stage, phone, lat, ip, version from installations where id = $1', [cardId]);
		expect(row).toEqual({ stage: 'preinstalacion', phone: null, lat: null, ip: null, version: 1 });
		const good: Row = {
			stage: 'cancelada',
			phone: '9981234567',
			phone_alt: '9987654321',
			source: 'web',
			house_ownership: 'rentada',
			lat: -90,
			lng: 180,
			service_type: 'fibra',
			contract_type: '12_meses',
			installation_cost_cents: 0,
			ip: '2001:db8::1',
			cancel_reason: 'declino'
		};
		for (const [column, value] of Object.entries(good)) {
			await db.query(`update installations set ${column} = $2 where id = $1`, [cardId, value]);
			await db.query(`update installations set ${column} = null where id = $1 and $2::text <> 'stage'`, [cardId, column]);
		}
		await createCard(good);
		expect(await violation(db.query(`update installations set stage = null where id = $1`, [cardId]))).toMatchObject({ code: '23502' });
	});

	it('turns an UPDATE made outside the app into a board_events row', async () => {
		const cardId = await createCard({ phone: '9981234567' });
		await db.query(`update installations set email = 'juan@example.mx', call_script = '{"saludo": true}' where id = $1`, [cardId]);
		await db.query('update installations set full_name = full_name where id = $1', [cardId]);

		const actorId = randomUUID();
		await db.tx(async (query) => {
			await query(`select set_config('app.actor_id', $1, true)`, [actorId]);
			await query(`update installations set position = 500 where id = $1`, [cardId]);
		});
		await db.query('delete from installations where id = $1', [cardId]);

		const events = await eventsFor(cardId);
		expect(events.map((e) => [e.kind, e.version, e.actor_id])).toEqual([
			['card:created', 1, null],
			['card:updated', 2, null],
			['card:moved', 3, actorId],
			['card:deleted', 3, null]
		]);
		expect(events[0].patch).toMatchObject({ id: cardId, full_name: 'Juan Pérez', phone: '9981234567' });
		expect(events[0].patch).not.toHaveProperty('updated_at');
		expect(events[1].patch).toEqual({ email: 'juan@example.mx', call_script: true, version: 2 });
		expect(events[2].patch).toEqual({ position: 500, version: 3 });
		expect(events[3].patch).toEqual({ stage: 'preinstalacion' });
	});

	it("keeps account links and recovery codes as one-of-a-kind hashes; a new user's password is not temporary unless said", async () => {
		const [user] = await db.query<{ id: string; must: boolean; totp: string | null; enabled: string | null }>(
			`insert into users (org_id, email, name, role, password_hash) values ($1, $2, 'Nora', 'agent', 'x')
			 returning id, must_change_password as must, totp_secret as totp, totp_enabled_at as enabled`,
			[orgId, `nora-${randomUUID()}@prueba.mx`]
		);
		expect(user).toMatchObject({ must: false, totp: null, enabled: null });
		const hash = randomUUID();
		const invite = `insert into user_invitations (org_id, name, role, token_hash, expires_at) values ($1, 'Iván', $2, $3, now() + interval '1 day')`;
		await db.query(invite, [orgId, 'agent', hash]);
		await expect(db.query(invite, [orgId, 'agent', hash])).rejects.toThrow(/user_invitations_token_hash_key/);
		await expect(db.query(invite, [orgId, 'jefe', randomUUID()])).rejects.toThrow(/user_invitations_role_check/);
		const reset = `insert into password_resets (org_id, user_id, token_hash, expires_at) values ($1, $2, $3, now())`;
		await db.query(reset, [orgId, user.id, hash]);
		await expect(db.query(reset, [orgId, user.id, hash])).rejects.toThrow(/password_resets_token_hash_key/);
		const code = 'insert into recovery_codes (user_id, code_hash) values ($1, $2)';
		await db.query(code, [user.id, hash]);
		await expect(db.query(code, [user.id, hash])).rejects.toThrow(/recovery_codes_user_code_key/);
		// Removing the person removes their links and codes.
		await db.query('delete from users where id = $1', [user.id]);
		const left = await db.query(
			'select 1 from password_resets where user_id = $1 union all select 1 from recovery_codes where user_id = $1',
			[user.id]
		);
		expect(left).toHaveLength(0);
	});

	it('deletes an organization with all its cards without tripping the event trigger', async () => {
		const doomed = await createOrg();
		await db.query(`insert into installations (org_id, full_name, position) values ($1, 'Ana Cocom', 1)`, [doomed]);
		await db.query('delete from organizations where id = $1', [doomed]);
		const left = await db.query('select 1 from board_events where org_id = $1', [doomed]);
		expect(left).toHaveLength(0);
	});
});
