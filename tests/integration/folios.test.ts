// Folios count per provider: each organization's cards are 1, 2, 3…, whatever other providers do.
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { openDatabase, type Database } from '$lib/server/db/client';
import { loadMigrations, migrate } from '$lib/server/db/migrate';
import { drivers, freshDatabase, type DriverName, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeLead } from './support/card-fixtures';

const PER_ORG = '20261204040000';

/** A database migrated only up to (not including) the per-provider folio migration. */
async function databaseBeforePerOrgFolios(driver: DriverName): Promise<TestDatabase> {
	const before = loadMigrations().filter((m) => m.version < PER_ORG);
	if (driver === 'pglite') {
		const db = await openDatabase({ dataDir: 'memory://' });
		await migrate(db, before);
		return { db, cleanup: () => db.close() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const name = `t_folio_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const db = await openDatabase({ url: url.toString(), maxConnections: 4 });
	await migrate(db, before);
	return {
		db,
		async cleanup() {
			await db.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

const insertCard = (db: Database, orgId: string, name: string) =>
	db
		.query<{ folio: number }>(
			`insert into installations (org_id, full_name, position) values ($1, $2, 1000) returning folio::int as folio`,
			[orgId, name]
		)
		.then(([r]) => r.folio);

const foliosOf = async (db: Database, orgId: string) =>
	(await db.query<{ folio: number }>('select folio::int as folio from installations where org_id = $1 order by folio', [orgId])).map(
		(r) => r.folio
	);

describe.each(drivers)('folios per provider on %s', (driver) => {
	const dbs: TestDatabase[] = [];
	afterAll(async () => {
		for (const d of dbs) await d.cleanup();
	});

	it('numbers each provider’s cards 1, 2, 3… on its own', async () => {
		const t = await freshDatabase(driver);
		dbs.push(t);
		const a = await makeOrg(t.db);
		const b = await makeOrg(t.db);
		const got: [string, number][] = [];
		for (const [o, label] of [
			[a, 'A'],
			[b, 'B'],
			[a, 'A'],
			[a, 'A'],
			[b, 'B']
		] as const) {
			const lead = await makeLead(t.db, o.agent, `Cliente ${label}`);
			got.push([label, lead.folio]);
		}
		expect(got).toEqual([
			['A', 1],
			['B', 1],
			['A', 2],
			['A', 3],
			['B', 2]
		]);
		const [counters] = await t.db.query<{ a: number; b: number }>(
			`select (select last_folio::int from folio_counters where org_id = $1) as a,
				(select last_folio::int from folio_counters where org_id = $2) as b`,
			[a.org.id, b.org.id]
		);
		expect(counters).toEqual({ a: 3, b: 2 });
	});

	it('gives 20 cards created at once in one provider 20 consecutive folios', async () => {
		const t = await freshDatabase(driver);
		dbs.push(t);
		const a = await makeOrg(t.db);
		const b = await makeOrg(t.db);
		// Plain INSERTs, each its own transaction on its own connection (PostgreSQL): only the
		// counter row orders them. Another provider's inserts interleave without sharing numbers.
		const created = await Promise.all([
			...Array.from({ length: 20 }, (_, i) => insertCard(t.db, a.org.id, `Cliente A${i}`)),
			...Array.from({ length: 5 }, (_, i) => insertCard(t.db, b.org.id, `Cliente B${i}`))
		]);
		expect(created.slice(0, 20).toSorted((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(await foliosOf(t.db, a.org.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(await foliosOf(t.db, b.org.id)).toEqual([1, 2, 3, 4, 5]);
	});

	it('gives a rolled-back card’s folio to the next card (no gaps)', async () => {
		const t = await freshDatabase(driver);
		dbs.push(t);
		const a = await makeOrg(t.db);
		await expect(
			t.db.begin(async (tx) => {
				await tx.query(`insert into installations (org_id, full_name, position) values ($1, 'Se arrepiente', 1)`, [a.org.id]);
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		expect(await insertCard(t.db, a.org.id, 'Siguiente')).toBe(1);
		// A folio written by hand moves the counter past it, so the next card doesn't collide.
		await t.db.query(`insert into installations (org_id, full_name, position, folio) values ($1, 'Importada', 1, 40)`, [a.org.id]);
		expect(await insertCard(t.db, a.org.id, 'Después de importar')).toBe(41);
		await expect(
			t.db.query(`insert into installations (org_id, full_name, position, folio) values ($1, 'Repetida', 1, 40)`, [a.org.id])
		).rejects.toMatchObject({ code: '23505' });
	});

	it('renumbers existing cards 1..n per provider, in their old order, and records the old folio', async () => {
		const t = await databaseBeforePerOrgFolios(driver);
		dbs.push(t);
		const org = (name: string) =>
			t.db.query<{ id: string }>(`insert into organizations (name, slug) values ($1, $1) returning id`, [name]).then(([r]) => r.id);
		const a = await org('wisp-a');
		const b = await org('wisp-b');
		const empty = await org('wisp-c');
		// The old global sequence: A and B's cards interleave, B's first card is folio 2.
		for (const [o, n] of [
			[a, 'A1'],
			[b, 'B1'],
			[a, 'A2'],
			[b, 'B2'],
			[b, 'B3'],
			[a, 'A3']
		] as const)
			await insertCard(t.db, o, n);
		await t.db.query(`delete from installations where full_name = 'A2'`);
		// B3's telephone add-on carries the external ID its folio gave it; A3's add-on one typed by hand.
		await t.db.query(
			`insert into addon_services (org_id, installation_id, kind, external_id)
			 select org_id, id, 'telefonia', case full_name when 'B3' then '000005' else 'RB1-0042' end from installations where full_name in ('B3', 'A3')`
		);
		const old = await t.db.query<{ full_name: string; folio: number }>(
			'select full_name, folio::int as folio from installations order by folio'
		);
		expect(old.map((r) => [r.full_name, r.folio])).toEqual([
			['A1', 1],
			['B1', 2],
			['B2', 4],
			['B3', 5],
			['A3', 6]
		]);

		await migrate(t.db);

		const cards = await t.db.query<{ full_name: string; folio: number }>(
			'select full_name, folio::int as folio from installations order by org_id = $1 desc, folio',
			[a]
		);
		expect(cards.map((r) => [r.full_name, r.folio])).toEqual([
			['A1', 1],
			['A3', 2],
			['B1', 1],
			['B2', 2],
			['B3', 3]
		]);
		const history = await t.db.query<{ full_name: string; old_value: number; new_value: number; source: string }>(
			`select i.full_name, h.old_value, h.new_value, h.source from card_history h join installations i on i.id = h.installation_id
			 where h.field = 'folio' order by i.full_name`
		);
		expect(history).toEqual([
			{ full_name: 'A3', old_value: 6, new_value: 2, source: 'migracion' },
			{ full_name: 'B1', old_value: 2, new_value: 1, source: 'migracion' },
			{ full_name: 'B2', old_value: 4, new_value: 2, source: 'migracion' },
			{ full_name: 'B3', old_value: 5, new_value: 3, source: 'migracion' }
		]);
		const ids = await t.db.query<{ full_name: string; external_id: string | null }>(
			`select full_name, external_id from installations where full_name in ('A3', 'B3') order by full_name`
		);
		expect(ids).toEqual([
			{ full_name: 'A3', external_id: null },
			{ full_name: 'B3', external_id: '000005' }
		]);
		expect(await insertCard(t.db, a, 'A4')).toBe(3);
		expect(await insertCard(t.db, b, 'B4')).toBe(4);
		expect(await insertCard(t.db, empty, 'C1')).toBe(1);
	});
});
