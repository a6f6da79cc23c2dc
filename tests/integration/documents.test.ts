import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeInstallation } from './support/documents';
import { listTemplates, saveTemplate } from '$lib/server/services/contracts';
import { contentToSign, documentsState, saveContractData } from '$lib/server/services/documents';
import { fillTemplate } from '$lib/server/services/doc-data';

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

	it('starts from the default templates and lets only admins change them', async () => {
		const list = await listTemplates(t.db, org.admin);
		expect(list.map((x) => x.contractType)).toEqual(['12_meses', 'indefinido']);
		expect(list[0].body).toContain('{cliente}');
		const body = {
			contractType: 'indefinido',
			title: 'Contrato de servicio',
			body: 'Yo, {cliente}, contrato {plan} con {proveedor} a partir del {fecha_inicio}.'
		};
		await expect(saveTemplate(t.db, org.coordinator, body)).rejects.toMatchObject({ status: 403 });
		await expect(listTemplates(t.db, org.agent)).rejects.toMatchObject({ status: 403 });
		expect(await count('document_templates')).toBe(0);
		await expect(saveTemplate(t.db, org.admin, { ...body, body: 'corto' })).rejects.toMatchObject({
			status: 400,
			fieldErrors: { body: [expect.stringMatching(/demasiado corto/)] }
		});
		await saveTemplate(t.db, org.admin, body);
		await saveTemplate(t.db, org.admin, { ...body, title: 'Contrato de servicio v2' });
		expect(await count('document_templates')).toBe(1);
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
		expect(c.html).toContain('Yo, José Peña Ñúñez, contrato — con');
		expect(c.html).toContain('a partir del 1 dic 2026');
	});

	it('fills only known placeholders and leaves unknown ones visible', () => {
		expect(fillTemplate('{cliente} {desconocido}', { cliente: '<b>Ana</b>' })).toBe('<b>Ana</b> {desconocido}');
	});
});
