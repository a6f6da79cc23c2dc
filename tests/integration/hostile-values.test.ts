import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCatalog, makeLead } from './support/card-fixtures';
import { updateCardField } from '$lib/server/services/card-edit';
import { installationsCsv } from '$lib/server/services/exports';
import { saveContractData } from '$lib/server/services/documents';
import { ServiceError } from '$lib/server/services/errors';

/** Values a browser never sends but a script can: each is a Spanish 400 that writes nothing. */
describe.each(drivers)('hostile values on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		await makeCatalog(t.db, o.org.id);
	});
	afterAll(() => t.cleanup());

	const snapshot = async (id: string) => {
		const [card] = await t.db.query('select * from installations where id = $1', [id]);
		const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from card_history where installation_id = $1', [id]);
		return { card, history: n };
	};

	const refusal = async (p: Promise<unknown>) => {
		const err = await p.then(
			() => null,
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(ServiceError);
		expect((err as ServiceError).status).toBe(400);
		return err as ServiceError;
	};

	it.each([
		['a NUL byte', 'comments', 'a\u0000b'],
		['a NUL byte in a short field', 'addrStreet', 'Calle\u0000 Uno'],
		['a control character', 'addrColonia', 'Centro\u0007'],
		['a lone high surrogate', 'addrStreet', 'x\ud800y'],
		['a lone low surrogate', 'comments', 'x\udc00y'],
		['a NUL byte in the name', 'fullName', 'María\u0000 Pérez']
	])('refuses %s in «%s» and saves nothing', async (_what, field, value) => {
		const { id } = await makeLead(t.db, o.agent);
		const before = await snapshot(id);
		const err = await refusal(updateCardField(t.db, o.agent, id, { field, value }));
		expect(err.message).toMatch(/caracteres no válidos/);
		expect(await snapshot(id)).toEqual(before);
	});

	it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'])(
		'refuses the field name «%s» and saves nothing',
		async (field) => {
			const { id } = await makeLead(t.db, o.agent);
			const before = await snapshot(id);
			const err = await refusal(updateCardField(t.db, o.agent, id, { field, value: 'x' }));
			expect(err.message).toBe('Ese dato no se puede editar desde la tarjeta.');
			expect(await snapshot(id)).toEqual(before);
		}
	);

	it.each([
		['2025-02-30', '2025-03-31'],
		['2025-13-01', '2025-12-31'],
		['0000-00-00', '2025-12-31'],
		['2025-01-01', '2025-02-30'],
		['2025-02-29', '2025-02-29']
	])('refuses the CSV range %s – %s with a Spanish 400', async (desde, hasta) => {
		const err = await refusal(installationsCsv(t.db, o.coordinator, { desde, hasta }));
		expect(err.message).toMatch(/fecha/);
	});
});

describe.each(drivers)('contract data under hostile input on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());

	const contracts = (id: string) =>
		t.db.query(`select start_date, end_date from documents where installation_id = $1 and kind = 'contrato'`, [id]);

	it.each(['2025-02-30', '2025-13-01', '0000-00-00'])(
		'refuses the impossible start date %s with a Spanish 400 and writes nothing',
		async (startDate) => {
			const { id } = await makeLead(t.db, o.agent);
			const err = await saveContractData(t.db, o.agent, id, { startDate }).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(ServiceError);
			expect(err).toMatchObject({ status: 400, message: 'Escribe la fecha como AAAA-MM-DD, una que exista en el calendario.' });
			expect(await contracts(id)).toEqual([]);
		}
	);
});
