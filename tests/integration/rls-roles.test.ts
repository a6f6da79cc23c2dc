// RLS is on for every table with no policies: the app, connected as the tables' owner (not a
// superuser, which would bypass RLS anyway), works as usual, and a role that doesn't own them, like
// Supabase's anon/authenticated behind the Data API, reads and writes nothing. PostgreSQL only: PGlite
// has one user.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '$lib/server/db/migrate';
import { moveCard } from '$lib/server/services/moves';
import { listUsers } from '$lib/server/services/users';
import { emptyDatabase, type EmptyDatabase } from './support/empty-db';
import { makeCard, makeOrg } from './support/factories';

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('row level security with Supabase-like roles on PostgreSQL', () => {
	const suffix = Math.random().toString(36).slice(2, 8);
	const owner = `tablero_owner_${suffix}`;
	const outsider = `tablero_anon_${suffix}`;
	let admin: postgres.Sql;
	let t: EmptyDatabase;
	let outsiderSql: postgres.Sql;

	beforeAll(async () => {
		admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create role ${owner} login nosuperuser nobypassrls`);
		await admin.unsafe(`create role ${outsider} login nosuperuser nobypassrls`);
		t = await emptyDatabase('postgres', owner);
		await migrate(t.db);
		await t.db.exec(
			`grant usage on schema public to ${outsider}; grant select, insert, update, delete on all tables in schema public to ${outsider};`
		);
		const url = new URL(t.url!);
		url.username = outsider;
		outsiderSql = postgres(url.toString(), { max: 1, onnotice: () => {} });
	}, 120_000);
	afterAll(async () => {
		await outsiderSql?.end();
		await t?.cleanup();
		await admin.unsafe(`drop role if exists ${outsider}`);
		await admin.unsafe(`drop role if exists ${owner}`);
		await admin.end();
	});

	it('the app connected as the owner works: it migrated, creates a provider and moves a card', async () => {
		const [me] = await t.db.query<{ superuser: boolean; owner: string }>(
			`select rolsuper as superuser, (select tableowner from pg_tables where tablename = 'installations') as owner
			 from pg_roles where rolname = current_user`
		);
		expect(me).toEqual({ superuser: false, owner });
		const o = await makeOrg(t.db);
		expect((await listUsers(t.db, o.admin)).length).toBe(4);
		const a = await makeCard(t.db, o.org.id);
		const b = await makeCard(t.db, o.org.id);
		const res = await moveCard(t.db, o.coordinator, { cardId: a.id, toStage: 'preinstalacion', afterId: b.id, version: a.version });
		expect(res.ok).toBe(true);
		const [events] = await t.db.query<{ n: number }>('select count(*)::int as n from board_events where org_id = $1', [o.org.id]);
		expect(events.n).toBeGreaterThan(2);
	});

	it('a role that does not own the tables sees no rows and cannot insert, even with table grants', async () => {
		const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from organizations');
		expect(n).toBeGreaterThan(0);
		expect(await outsiderSql`select count(*)::int as n from organizations`).toEqual([{ n: 0 }]);
		expect(await outsiderSql`select count(*)::int as n from users`).toEqual([{ n: 0 }]);
		await expect(outsiderSql`insert into organizations (name, slug) values ('Intruso', 'intruso')`).rejects.toThrow(/row-level security/);
		expect(await outsiderSql`update installations set full_name = 'x' returning id`).toEqual([]);
	});
});
