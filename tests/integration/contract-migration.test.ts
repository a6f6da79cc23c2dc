// Migration 20261205170000: providers that never customised their contract get the default clauses.
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { openDatabase, type Database } from '$lib/server/db/client';
import { loadMigrations, migrate } from '$lib/server/db/migrate';
import { drivers, type DriverName } from './support/db';
import { DEFAULT_CLAUSES, DEFAULT_CONTRACT_TITLE, DEFAULT_PENALTY_CENTS } from '$lib/domain/contract-default';

const CLAUSES = '20261205170000';

async function databaseBefore(driver: DriverName): Promise<{ db: Database; cleanup(): Promise<void> }> {
	const before = loadMigrations().filter((m) => m.version < CLAUSES);
	if (driver === 'pglite') {
		const db = await openDatabase({ dataDir: 'memory://' });
		await migrate(db, before);
		return { db, cleanup: () => db.close() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const name = `t_contract_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
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

describe.each(drivers)('contract clauses migration on %s', (driver) => {
	const open: { cleanup(): Promise<void> }[] = [];
	afterAll(async () => {
		for (const d of open) await d.cleanup();
	});

	it('seeds the default contract for providers without one and leaves customised texts alone', async () => {
		const t = await databaseBefore(driver);
		open.push(t);
		const org = async (slug: string) =>
			(await t.db.query<{ id: string }>(`insert into organizations (name, slug) values ($1, $1) returning id`, [slug]))[0].id;
		const plain = await org('sin-contrato');
		const oneType = await org('solo-12-meses');
		const general = await org('general');
		await t.db.query(
			`insert into document_templates (org_id, kind, contract_type, title, body) values ($1, 'contrato', '12_meses', 'Mío', 'En {fecha}…')`,
			[oneType]
		);
		await t.db.query(
			`insert into document_templates (org_id, kind, contract_type, title, body) values ($1, 'contrato', null, 'General', 'En {fecha}…')`,
			[general]
		);

		await migrate(t.db);

		const rows = await t.db.query<{
			org_id: string;
			contract_type: string | null;
			title: string;
			body: string | null;
			clauses: unknown;
			penalty_cents: number | null;
		}>(`select org_id, contract_type, title, body, clauses, penalty_cents from document_templates order by contract_type nulls first`);
		const of = (id: string) => rows.filter((r) => r.org_id === id).map(({ org_id: _, ...r }) => r);
		const seeded = (type: '12_meses' | 'indefinido') => ({
			contract_type: type,
			title: DEFAULT_CONTRACT_TITLE[type],
			body: null,
			clauses: DEFAULT_CLAUSES,
			penalty_cents: DEFAULT_PENALTY_CENTS[type]
		});
		expect(of(plain)).toEqual([seeded('12_meses'), seeded('indefinido')]);
		expect(of(oneType)).toEqual([
			{ contract_type: '12_meses', title: 'Mío', body: 'En {fecha}…', clauses: null, penalty_cents: null },
			seeded('indefinido')
		]);
		expect(of(general)).toEqual([{ contract_type: null, title: 'General', body: 'En {fecha}…', clauses: null, penalty_cents: null }]);
	});
});
