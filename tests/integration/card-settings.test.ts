import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { saveCallSettings, saveStageSettings } from '$lib/server/services/settings-card';
import { getOrg } from '$lib/server/services/settings';

describe.each(drivers)('card settings on %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());

	it('saves cities, how-heard and objection snippets; blank snippet rows are dropped', async () => {
		await saveCallSettings(t.db, o.admin, {
			cities: 'Cancún\n Playa del Carmen \n\nCancún',
			howHeard: 'Facebook\nRadio',
			objTitle_0: 'Precio',
			objText_0: 'Vale la pena.',
			objTitle_1: '',
			objText_1: ''
		});
		const { settings } = await getOrg(t.db, o.admin);
		expect(settings.cities).toEqual(['Cancún', 'Playa del Carmen']);
		expect(settings.howHeard).toEqual(['Facebook', 'Radio']);
		expect(settings.objectionSnippets).toEqual([{ title: 'Precio', text: 'Vale la pena.' }]);
	});

	it('rejects bad input next to the field and keeps what was stored', async () => {
		const err = await saveCallSettings(t.db, o.admin, { cities: '  ', howHeard: 'x', objTitle_0: 'Sin texto', objText_0: '' }).catch(
			(e) => e
		);
		expect(err.status).toBe(400);
		expect(Object.keys(err.fieldErrors)).toContain('cities');
		const err2 = await saveCallSettings(t.db, o.admin, { cities: 'Mérida', howHeard: 'x', objTitle_0: 'Sin texto', objText_0: '' }).catch(
			(e) => e
		);
		expect(err2.fieldErrors.objText_0[0]).toMatch(/respuesta/);
		expect((await getOrg(t.db, o.admin)).settings.cities).toEqual(['Cancún', 'Playa del Carmen']);
		await expect(saveCallSettings(t.db, o.agent, { cities: 'X', howHeard: 'Y' })).rejects.toMatchObject({ status: 403 });
	});

	it('SLA and WIP per stage; "late" must exceed "warn"', async () => {
		const stages = ['preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada', 'asignada', 'firmada', 'activa'];
		const form: Record<string, string> = {};
		for (const s of stages) Object.assign(form, { [`sla_${s}_warn`]: '10', [`sla_${s}_late`]: '20', [`wip_${s}`]: '' });
		form.wip_agendada = '12';
		await saveStageSettings(t.db, o.admin, form);
		const { settings } = await getOrg(t.db, o.admin);
		expect(settings.sla.agendada).toEqual({ warnHours: 10, lateHours: 20 });
		expect(settings.wipLimits.agendada).toBe(12);
		expect(settings.wipLimits.preinstalacion).toBeNull();
		const err = await saveStageSettings(t.db, o.admin, { ...form, sla_firmada_late: '5' }).catch((e) => e);
		expect(err.fieldErrors.sla_firmada_late[0]).toMatch(/mayor/);
		expect((await getOrg(t.db, o.admin)).settings.sla.firmada.lateHours).toBe(20);
	});
});
