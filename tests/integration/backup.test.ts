import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { seedDemo } from '$lib/server/services/demo';
import { backup, restore } from '$lib/server/backup';

const tmp = mkdtempSync(join(tmpdir(), 'tablero-backup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Every pairing of drivers: a backup of the embedded database restores into PostgreSQL too.
const pairs = drivers.flatMap((from) => drivers.map((to) => [from, to] as const));

describe.each(pairs)('backup from %s, restore into %s', (from, to) => {
	const dbs: TestDatabase[] = [];
	afterAll(async () => {
		for (const d of dbs) await d.cleanup();
	});

	it('finds every card and file after restoring into a fresh database', async () => {
		const source = await freshDatabase(from);
		dbs.push(source);
		const o = await makeOrg(source.db);
		await seedDemo(source.db, o.org.id);
		// The newest card is deleted: its folio is never handed out again, not even after a restore.
		await source.db.query(
			'delete from installations where org_id = $1 and folio = (select max(folio) from installations where org_id = $1)',
			[o.org.id]
		);
		const [{ lastFolio }] = await source.db.query<{ lastFolio: number }>(
			'select last_folio::int as "lastFolio" from folio_counters where org_id = $1',
			[o.org.id]
		);
		const [card] = await source.db.query<{ id: string }>('select id from installations where org_id = $1 limit 1', [o.org.id]);
		const filesDir = join(tmp, `${from}-${to}-files`);
		mkdirSync(join(filesDir, o.org.id), { recursive: true });
		writeFileSync(join(filesDir, o.org.id, 'ine.jpg'), 'bytes de la INE');
		const [older] = await source.db.query<{ id: string }>(
			`insert into files (org_id, installation_id, category, name, mime, size_bytes, sha256, storage_key)
			 values ($1, $2, 'ine_frontal', 'INE frontal', 'image/jpeg', 15, 'x', $3) returning id`,
			[o.org.id, card.id, `${o.org.id}/ine-old.jpg`]
		);
		const [newer] = await source.db.query<{ id: string }>(
			`insert into files (org_id, installation_id, category, name, mime, size_bytes, sha256, storage_key)
			 values ($1, $2, 'ine_frontal', 'INE frontal', 'image/jpeg', 15, 'y', $3) returning id`,
			[o.org.id, card.id, `${o.org.id}/ine.jpg`]
		);
		await source.db.query('update files set superseded_at = now(), superseded_by = $2 where id = $1', [older.id, newer.id]);

		const dir = join(tmp, `${from}-${to}`);
		const manifest = await backup(source.db, dir, filesDir);
		expect(manifest.tables.installations).toBeGreaterThan(40);

		const target = await freshDatabase(to);
		dbs.push(target);
		const restoredFiles = join(tmp, `${from}-${to}-restored`);
		await restore(target.db, dir, restoredFiles);

		const q = `select id, version, stage, position, full_name, folio::int as folio from installations order by id`;
		expect(await target.db.query(q)).toEqual(await source.db.query(q));
		for (const [table, n] of Object.entries(manifest.tables)) {
			const [row] = await target.db.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
			expect([table, row.n]).toEqual([table, n]);
		}
		const [sup] = await target.db.query<{ superseded_by: string }>('select superseded_by from files where id = $1', [older.id]);
		expect(sup.superseded_by).toBe(newer.id);
		expect(readFileSync(join(restoredFiles, o.org.id, 'ine.jpg'), 'utf8')).toBe('bytes de la INE');
		// Restoring writes no board events and the sequences continue past the data.
		const [ev] = await target.db.query<{ n: number }>('select count(*)::int as n from board_events');
		expect(ev.n).toBe(0);
		const [maxFolio] = await target.db.query<{ f: number }>('select max(folio)::int as f from installations');
		const [fresh] = await target.db.query<{ folio: number }>(
			`insert into installations (org_id, full_name, position) values ($1, 'Nueva', 1) returning folio::int as folio`,
			[o.org.id]
		);
		expect(maxFolio.f).toBe(lastFolio - 1);
		expect(fresh.folio).toBe(lastFolio + 1);
		await expect(restore(target.db, dir)).rejects.toThrow(/ya tiene datos/);
		expect(existsSync(join(dir, 'database.sql'))).toBe(true);

		// A backup from before folios had counters: the counters start past the restored cards.
		const uncounted = join(tmp, `${from}-${to}-uncounted`);
		mkdirSync(uncounted, { recursive: true });
		writeFileSync(join(uncounted, 'manifest.json'), readFileSync(join(dir, 'manifest.json')));
		const lines = readFileSync(join(dir, 'database.sql'), 'utf8').split('\n');
		writeFileSync(join(uncounted, 'database.sql'), lines.filter((l) => !l.startsWith('insert into "folio_counters"')).join('\n'));
		const old = await freshDatabase(to);
		dbs.push(old);
		await restore(old.db, uncounted);
		const [next] = await old.db.query<{ folio: number }>(
			`insert into installations (org_id, full_name, position) values ($1, 'Nueva', 1) returning folio::int as folio`,
			[o.org.id]
		);
		expect(next.folio).toBe(maxFolio.f + 1);

		// A backup edited by hand to hold a value the app refuses restores nothing at all.
		const broken = join(tmp, `${from}-${to}-broken`);
		mkdirSync(broken, { recursive: true });
		writeFileSync(join(broken, 'manifest.json'), readFileSync(join(dir, 'manifest.json')));
		const sql = readFileSync(join(dir, 'database.sql'), 'utf8');
		const [{ phone }] = await source.db.query<{ phone: string }>('select phone from installations where phone is not null limit 1');
		expect(sql).toContain(`"phone":"${phone}"`);
		writeFileSync(join(broken, 'database.sql'), sql.replace(`"phone":"${phone}"`, '"phone":"12345"'));
		const empty = await freshDatabase(to);
		dbs.push(empty);
		await expect(restore(empty.db, broken)).rejects.toMatchObject({ code: '23514' });
		const [left] = await empty.db.query<{ n: number }>(
			'select (select count(*) from organizations) + (select count(*) from installations) as n'
		);
		expect(Number(left.n)).toBe(0);
	}, 120_000);
});
