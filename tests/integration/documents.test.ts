import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeInstallation } from './support/documents';
import { listTemplates, saveTemplate } from '$lib/server/services/contract-templates';
import { DEFAULT_CLAUSES } from '$lib/domain/contract-default';
import { contentToSign, documentsState, saveContractData } from '$lib/server/services/documents';

describe.each(drivers)('contract data and templates on %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let cardId: string;

	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		cardId = await makeInstallation(t.db, org.org.id, { contract_type: 'indefinido' });
	});
	afterAll(() => t.cleanup());

	const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;
	const rows = () =>
		t.db.query<{ contract_type: string; title: string; clauses: unknown; penalty_cents: number }>(
			`select contract_type, title, clauses, penalty_cents from document_templates where org_id = $1 order by contract_type`,
			[org.org.id]
		);

	it('a new provider starts with the default contract of each type as its own', async () => {
		const list = await listTemplates(t.db, org.admin);
		expect(list.map((x) => x.contractType)).toEqual(['12_meses', 'indefinido']);
		expect(list[0].clauses).toEqual(DEFAULT_CLAUSES);
		expect(list.map((x) => x.penaltyCents)).toEqual([100_000, 0]);
		expect((await rows()).map((r) => [r.contract_type, r.clauses])).toEqual([
			['12_meses', DEFAULT_CLAUSES],
			['indefinido', DEFAULT_CLAUSES]
		]);
	});

	it('only admins save it; bad input is refused in Spanish and writes nothing', async () => {
		const before = await rows();
		const body = {
			contractType: 'indefinido',
			title: 'Contrato de servicio',
			penalty: '0',
			clauses: JSON.stringify([
				{
					title: 'Partes',
					text: 'Yo, {{cliente.nombre}}, contrato {{plan.nombre}} con {{proveedor.nombre}} a partir del {{contrato.inicio}}.'
				},
				{ title: 'Firma', text: 'Firmado el {{fecha}}.' }
			])
		};
		await expect(saveTemplate(t.db, org.coordinator, body)).rejects.toMatchObject({ status: 403 });
		await expect(listTemplates(t.db, org.agent)).rejects.toMatchObject({ status: 403 });
		const unknown = JSON.stringify([{ title: 'Pago {{plan.velocidad}}', text: 'Paga {{plan.precio}} y {{cliente.apodo}}.' }]);
		await expect(saveTemplate(t.db, org.admin, { ...body, clauses: unknown })).rejects.toMatchObject({
			status: 400,
			fieldErrors: { clauses: ['Estas variables no existen: {{plan.velocidad}}, {{cliente.apodo}}. Usa solo las de la lista.'] }
		});
		for (const [bad, field, message] of [
			[{ clauses: '[]' }, 'clauses', /al menos una cláusula/],
			[{ clauses: '[{"title":"","text":"x"}]' }, 'clauses.0.title', /título de la cláusula/],
			[{ clauses: '{no es json' }, 'clauses', /No se pudieron leer las cláusulas/],
			[{ clauses: '[{"title":"a","text":"\\u0000"}]' }, 'clauses.0.text', /caracteres no válidos/],
			[{ penalty: '-5' }, 'penalty', /negativa/],
			[{ title: 'x' }, 'title', /al menos 3 letras/]
		] as const) {
			await expect(saveTemplate(t.db, org.admin, { ...body, ...bad }), JSON.stringify(bad)).rejects.toMatchObject({
				status: 400,
				fieldErrors: { [field]: [expect.stringMatching(message)] }
			});
		}
		expect(await rows()).toEqual(before);
		await saveTemplate(t.db, org.admin, body);
		await saveTemplate(t.db, org.admin, { ...body, title: 'Contrato de servicio v2', penalty: '250' });
		expect(await count('document_templates')).toBe(2);
		const saved = (await rows()).find((r) => r.contract_type === 'indefinido')!;
		expect(saved).toMatchObject({ title: 'Contrato de servicio v2', penalty_cents: 25_000, clauses: JSON.parse(body.clauses) });
	});

	it('reads a contract saved by the first editor as one clause per paragraph', async () => {
		const other = await makeOrg(t.db);
		await t.db.query(`delete from document_templates where org_id = $1`, [other.org.id]);
		await t.db.query(
			`insert into document_templates (org_id, kind, contract_type, title, body) values ($1, 'contrato', null, 'Contrato viejo', $2)`,
			[other.org.id, 'En {fecha}, {cliente} contrata {plan}.\n\nDepósito: {deposito}.']
		);
		const [twelve] = await listTemplates(t.db, other.admin);
		expect(twelve).toMatchObject({
			title: 'Contrato viejo',
			clauses: [
				{ title: 'Cláusula 1', text: 'En {{fecha}}, {{cliente.nombre}} contrata {{plan.nombre}}.' },
				{ title: 'Cláusula 2', text: 'Depósito: {{deposito}}.' }
			]
		});
	});

	it('stores optional start/end dates, refusing an end before the start', async () => {
		await expect(saveContractData(t.db, org.agent, cardId, { startDate: '2026-12-10', endDate: '2026-12-01' })).rejects.toMatchObject({
			status: 400,
			fieldErrors: { endDate: [expect.stringMatching(/anterior a la de inicio/)] }
		});
		expect(await count('documents')).toBe(0);
		await expect(saveContractData(t.db, org.technician, cardId, { startDate: '2026-12-01' })).rejects.toMatchObject({ status: 404 });
		await saveContractData(t.db, org.agent, cardId, { startDate: '2026-12-01', endDate: '' });
		const state = await documentsState(t.db, org.agent, cardId);
		expect(state.contrato).toMatchObject({ status: 'borrador', startDate: '2026-12-01', endDate: null, fileId: null });
		const c = await contentToSign(t.db, org.agent, cardId, 'contrato');
		expect(c.html).toContain('Contrato de servicio v2');
		expect(c.html).toContain('Yo, José Peña Ñúñez, contrato (plan por definir) con');
		expect(c.html).toContain('a partir del 1 de diciembre de 2026');
	});
});
