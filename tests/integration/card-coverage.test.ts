import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { count, makeCatalog, makeLead } from './support/card-fixtures';
import { checkCoverage, confirmCoverage, markNoCoverage } from '$lib/server/services/coverage';
import { cardPanel } from '$lib/server/services/cards';
import { toggleChecklistItem, saveChecklistTemplate } from '$lib/server/services/checklists';
import { tickScriptStep } from '$lib/server/services/call-script';
import { updateCardField } from '$lib/server/services/card-edit';
import { cardHistory } from '$lib/server/services/history';

const INSIDE = 'https://www.google.com/maps/@21.16,-86.826,17z';

describe.each(drivers)('coverage, checklist and history on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	let cat: Awaited<ReturnType<typeof makeCatalog>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		cat = await makeCatalog(t.db, o.org.id);
	});
	afterAll(() => t.cleanup());

	it('suggests the zone and service type from a Maps link, and refuses bad coordinates', async () => {
		const r = await checkCoverage(t.db, o.agent, { coordinates: INSIDE });
		expect(r.suggestion).toEqual({ zoneId: cat.zoneId, zoneName: 'RB1 ZONA CENTRO DÍA 5', serviceType: 'fibra' });
		expect((await checkCoverage(t.db, o.agent, { coordinates: '21.0, -86.0' })).suggestion).toBeNull();
		await expect(checkCoverage(t.db, o.agent, { coordinates: '95.1, 10.2' })).rejects.toMatchObject({
			status: 400,
			message: expect.stringMatching(/fuera de rango/)
		});
	});

	it('confirms coverage: zone, type, coordinates and who, in one change', async () => {
		const { id } = await makeLead(t.db, o.agent);
		await expect(
			confirmCoverage(t.db, o.agent, id, { coordinates: '21.0, -86.0', zoneId: cat.zoneId, serviceType: 'fibra' })
		).rejects.toMatchObject({ status: 422 });
		await confirmCoverage(t.db, o.agent, id, { coordinates: INSIDE, zoneId: cat.zoneId, serviceType: 'fibra' });
		const [row] = await t.db.query<Record<string, unknown>>(
			'select zone_id, service_type, lat, lng, coordinates_raw, coverage_confirmed_by from installations where id = $1',
			[id]
		);
		expect(row).toEqual({
			zone_id: cat.zoneId,
			service_type: 'fibra',
			lat: 21.16,
			lng: -86.826,
			coordinates_raw: INSIDE,
			coverage_confirmed_by: o.agent.id
		});
		const p = await cardPanel(t.db, o.agent, id);
		const zoneItem = p.checklist.find((c) => c.autoRule === 'field:zone');
		expect(zoneItem?.done).toBe(true);
	});

	it('"sin cobertura" moves the card to the end of cancelada with the reason and a stage row', async () => {
		const { id } = await makeLead(t.db, o.agent);
		await markNoCoverage(t.db, o.agent, id, { note: 'Fuera del área' });
		const [row] = await t.db.query<{ stage: string; cancel_reason: string; cancel_note: string; position: number }>(
			'select stage, cancel_reason, cancel_note, position from installations where id = $1',
			[id]
		);
		expect(row).toMatchObject({ stage: 'cancelada', cancel_reason: 'sin_cobertura', cancel_note: 'Fuera del área' });
		expect(await count(t.db, 'stage_history', `installation_id = $1 and to_stage = 'cancelada'`, [id])).toBe(1);
		expect(await count(t.db, 'board_events', `card_id = $1 and kind = 'card:moved'`, [id])).toBe(1);
		await expect(markNoCoverage(t.db, o.technician, id, {})).rejects.toMatchObject({ status: 403 });
	});

	it('checklist: auto items follow the data; hand items record who and when; admins edit templates', async () => {
		const { id } = await makeLead(t.db, o.agent);
		let p = await cardPanel(t.db, o.agent, id);
		const email = p.checklist.find((c) => c.autoRule === 'field:email')!;
		expect(email.done).toBe(false);
		await updateCardField(t.db, o.agent, id, { field: 'email', value: 'cliente@gmail.com' });
		p = await cardPanel(t.db, o.agent, id);
		expect(p.checklist.find((c) => c.autoRule === 'field:email')!.done).toBe(true);

		const manual = p.checklist.find((c) => !c.autoRule)!;
		await expect(toggleChecklistItem(t.db, o.agent, id, { templateId: email.templateId, done: true })).rejects.toMatchObject({
			status: 403
		});
		await toggleChecklistItem(t.db, o.agent, id, { templateId: manual.templateId, done: true });
		p = await cardPanel(t.db, o.agent, id);
		expect(p.checklist.find((c) => c.templateId === manual.templateId)).toMatchObject({ done: true, doneBy: 'Alma Agente' });

		await expect(saveChecklistTemplate(t.db, o.agent, { stage: 'agendada', label: 'Algo nuevo' })).rejects.toMatchObject({ status: 403 });
		await expect(saveChecklistTemplate(t.db, o.admin, { stage: 'agendada', label: 'x', autoRule: 'field:nope' })).rejects.toMatchObject({
			status: 400
		});
		await saveChecklistTemplate(t.db, o.admin, { stage: 'agendada', label: 'Foto de la fachada', sortOrder: '99' });
		p = await cardPanel(t.db, o.agent, id);
		expect(p.checklist.some((c) => c.label === 'Foto de la fachada')).toBe(true);
	});

	it('call script ticks and history filters', async () => {
		const { id } = await makeLead(t.db, o.agent);
		await tickScriptStep(t.db, o.agent, id, { step: 'saludo', done: true });
		await expect(tickScriptStep(t.db, o.agent, id, { step: 'bailar', done: true })).rejects.toMatchObject({ status: 400 });
		const p = await cardPanel(t.db, o.agent, id);
		expect(p.detail.callScript.saludo).toMatchObject({ by: o.agent.id });
		await updateCardField(t.db, o.coordinator, id, { field: 'comments', value: 'Llamar después de las 5' });
		const all = await cardHistory(t.db, o.agent, id);
		expect(all.flatMap((h) => h.kinds)).toEqual(expect.arrayContaining(['field', 'stage', 'checklist']));
		const byCoord = await cardHistory(t.db, o.agent, id, { user: o.coordinator.id });
		expect(byCoord.map((h) => h.changes.map((c) => c.label))).toEqual([['Comentarios']]);
		expect((await cardHistory(t.db, o.agent, id, { kind: 'stage' })).every((h) => h.kinds.join() === 'stage')).toBe(true);
		await expect(cardHistory(t.db, o.agent, id, { desde: 'ayer' })).rejects.toMatchObject({ status: 400 });
	});
});
