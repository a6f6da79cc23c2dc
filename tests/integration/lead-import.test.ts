import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { count } from './support/card-fixtures';
import { leadFile, phoneOf, toCsv, toXlsx, windows1252, HEADERS } from './support/lead-files';
import { importLeads, previewImport } from '$lib/server/services/lead-import';
import type { ImportProblem } from '$lib/domain/lead-import';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Every reported line matches the reason its row was built to fail with. */
function expectReported(problems: ImportProblem[], bad: Map<number, RegExp>) {
	expect(problems.map((p) => p.line)).toEqual([...bad.keys()]);
	for (const p of problems) expect(p.reasons.join(' | '), `línea ${p.line}`).toMatch(bad.get(p.line)!);
}

describe.each(drivers)('importing leads from a file on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());
	const cards = () => count(t.db, 'installations', 'org_id = $1', [o.org.id]);

	it('a 500-row CSV with 20 bad rows imports 480 and reports the 20 by line; again, it creates none', async () => {
		const f = leadFile();
		const file = { name: 'cambaceo-noviembre.csv', bytes: utf8(toCsv(f.rows)) };
		const preview = await previewImport(t.db, o.coordinator, file, { source: 'cambaceo' });
		expect(preview.headers).toEqual(HEADERS);
		expect(preview.mapping).toMatchObject({
			fullName: 0,
			phone: 1,
			email: 2,
			addrStreet: 3,
			addrColonia: 4,
			addrCity: 5,
			howHeard: 6,
			comments: 7
		});
		expect([preview.total, preview.ready]).toEqual([500, 480]);
		expectReported(preview.problems, f.bad);
		expect(preview.sample[0].values).toMatchObject({ fullName: 'Cliente 0 de la Prueba', phone: phoneOf(0), addrCity: 'Benito Juárez' });
		expect(await cards()).toBe(0);

		const result = await importLeads(t.db, o.coordinator, file, { source: 'cambaceo' });
		expect(result.created).toBe(480);
		expectReported(result.problems, f.bad);
		expect(result.problems.filter((p) => p.status === 'error')).toHaveLength(17);
		expect(result.problems.filter((p) => p.status === 'repeated')).toHaveLength(3);
		expect(await cards()).toBe(480);

		const [card] = await t.db.query<Record<string, string>>(
			`select id, full_name, phone, email, source, stage, addr_street, addr_colonia, addr_city, how_heard from installations
			 where org_id = $1 and phone = $2`,
			[o.org.id, phoneOf(0)]
		);
		expect(card).toMatchObject({
			full_name: 'Cliente 0 de la Prueba',
			email: 'cliente0@correo.mx',
			source: 'cambaceo',
			stage: 'preinstalacion',
			addr_street: 'Calle 0',
			addr_city: 'Benito Juárez'
		});
		expect(card.how_heard).toBeNull();
		const [second] = await t.db.query<Record<string, string>>(
			'select addr_city, how_heard from installations where org_id = $1 and phone = $2',
			[o.org.id, phoneOf(1)]
		);
		expect(second).toEqual({ addr_city: 'Cancún', how_heard: 'Facebook' });
		// Created like any lead: board event, stage history, and a history line naming the file and line.
		expect(await count(t.db, 'board_events', `card_id = $1 and kind = 'card:created'`, [card.id])).toBe(1);
		expect(await count(t.db, 'stage_history', 'installation_id = $1', [card.id])).toBe(1);
		const history = await t.db.query<{ field: string; new_value: unknown; source: string }>(
			'select field, new_value, source from card_history where installation_id = $1 order by id',
			[card.id]
		);
		expect(history.map((h) => [h.field, h.source])).toEqual([
			['created', 'importacion'],
			['importado', 'importacion']
		]);
		expect(JSON.stringify(history[1].new_value)).toContain('cambaceo-noviembre.csv, línea 2');
		const audit = await t.db.query<{ kind: string; target: string; details: Record<string, number> }>(
			`select kind, target, details from audit_log where org_id = $1 and kind = 'leads_imported'`,
			[o.org.id]
		);
		expect(audit).toEqual([
			{ kind: 'leads_imported', target: 'cambaceo-noviembre.csv', details: { rows: 500, created: 480, skipped: 20 } }
		]);

		const again = await importLeads(t.db, o.coordinator, file, { source: 'cambaceo' });
		expect(again.created).toBe(0);
		expect(again.problems.filter((p) => p.status === 'exists')).toHaveLength(483);
		expect(again.problems.find((p) => p.line === 2)?.reasons[0]).toMatch(
			/^Ya existe: #\d+ Cliente 0 de la Prueba \(mismo teléfono y correo\)$/
		);
		expect(await cards()).toBe(480);
		expect(await count(t.db, 'duplicate_pairs', 'org_id = $1', [o.org.id])).toBe(0);
	}, 120_000);

	it('the same content as .xlsx reports Excel row numbers; a Windows-1252 CSV with «;» reads its accents', async () => {
		const f = leadFile(60, 1000);
		const xlsx = { name: 'clientes.xlsx', bytes: await toXlsx(f.rows) };
		const result = await importLeads(t.db, o.admin, xlsx, { source: 'ventas' });
		expect(result.created).toBe(f.good);
		expectReported(result.problems, f.bad);
		const [row] = await t.db.query<{ full_name: string }>('select full_name from installations where phone = $1', [phoneOf(1000)]);
		expect(row.full_name).toBe('Cliente 0 de la Prueba');

		const text = toCsv(
			[['José Ñeco Peña', '998 555 0199', '', 'Av. Tulum', 'Región 94', 'Cancún', 'Recomendación de un conocido', '']],
			';'
		);
		const csv = { name: 'de-excel.csv', bytes: windows1252(text) };
		const preview = await previewImport(t.db, o.admin, csv, { source: 'ventas' });
		expect(preview.headers).toEqual(HEADERS);
		expect(preview.ready).toBe(1);
		expect(preview.sample[0].values).toMatchObject({
			fullName: 'José Ñeco Peña',
			addrCity: 'Cancún',
			howHeard: 'Recomendación de un conocido'
		});
	}, 60_000);

	it('a database failure mid-import leaves nothing behind', async () => {
		const before = await cards();
		const events = await count(t.db, 'board_events');
		await t.db.query(`create function refuse_import_row() returns trigger language plpgsql as $$
			begin if new.full_name = 'Fila Que Falla' then raise exception 'disco lleno'; end if; return new; end $$`);
		await t.db.query('create trigger refuse_import_row before insert on installations for each row execute function refuse_import_row()');
		try {
			const rows = Array.from({ length: 30 }, (_, i) => [i === 20 ? 'fila que falla' : `Otro Cliente ${i}`, phoneOf(5000 + i)]);
			const file = { name: 'falla.csv', bytes: utf8(toCsv(rows, ',', ['Nombre', 'Teléfono'])) };
			await expect(importLeads(t.db, o.coordinator, file, { source: 'ventas' })).rejects.toThrow(/disco lleno/);
		} finally {
			await t.db.query('drop trigger refuse_import_row on installations');
			await t.db.query('drop function refuse_import_row()');
		}
		expect(await cards()).toBe(before);
		expect(await count(t.db, 'board_events')).toBe(events);
		expect(await count(t.db, 'audit_log', `kind = 'leads_imported' and target = 'falla.csv'`)).toBe(0);
	});

	it('agents and technicians are refused; a missing column, an old .xls or a huge file are refused in Spanish', async () => {
		const before = await cards();
		const file = { name: 'a.csv', bytes: utf8(toCsv([['Ana Pérez Uc', phoneOf(7000)]], ',', ['Nombre', 'Teléfono'])) };
		for (const who of [o.agent, o.technician]) {
			await expect(previewImport(t.db, who, file, { source: 'ventas' })).rejects.toMatchObject({ status: 403 });
			await expect(importLeads(t.db, who, file, { source: 'ventas' })).rejects.toMatchObject({ status: 403 });
		}
		const noPhone = { name: 'b.csv', bytes: utf8('Nombre,Dirección\nAna Pérez,Calle 1\n') };
		await expect(importLeads(t.db, o.admin, noPhone, { source: 'ventas' })).rejects.toMatchObject({
			status: 400,
			message: 'Elige la columna que trae el teléfono.'
		});
		const unmapped = await importLeads(t.db, o.admin, file, { source: 'ventas', col_fullName: '0', col_phone: '' }).catch((e) => e);
		expect(unmapped).toMatchObject({ status: 400, fieldErrors: { col_phone: ['Elige la columna que trae el teléfono.'] } });
		const xls = { name: 'viejo.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) };
		await expect(previewImport(t.db, o.admin, xls, { source: 'ventas' })).rejects.toMatchObject({ status: 400, message: /\.xls.*\.xlsx/ });
		const pdf = { name: 'clientes.pdf', bytes: utf8('%PDF-1.4') };
		await expect(previewImport(t.db, o.admin, pdf, { source: 'ventas' })).rejects.toMatchObject({ status: 400, message: /CSV.*\.xlsx/ });
		const big = { name: 'big.csv', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41) };
		await expect(previewImport(t.db, o.admin, big, { source: 'ventas' })).rejects.toMatchObject({ status: 400, message: /5 MB/ });
		const many = {
			name: 'many.csv',
			bytes: utf8(
				toCsv(
					Array.from({ length: 5001 }, (_, i) => ['Ana Uc', phoneOf(i)]),
					',',
					['Nombre', 'Teléfono']
				)
			)
		};
		await expect(previewImport(t.db, o.admin, many, { source: 'ventas' })).rejects.toMatchObject({ status: 400, message: /5,001.*5,000/ });
		await expect(previewImport(t.db, o.admin, file, { source: 'tele' })).rejects.toMatchObject({ status: 400 });
		expect(await cards()).toBe(before);
	});
});
