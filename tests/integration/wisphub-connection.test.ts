import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configOf, importCatalogs, mapItem, saveSettings, settingsView, testConnection } from '$lib/server/services/wisphub';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { connectedProvider, FAKE_KEY, TEST_APP_SECRET } from './support/wisphub';
import { startFakeWispHub, type FakeWispHub } from '../wisphub-fake/fake';

process.env.APP_SECRET ??= TEST_APP_SECRET;

describe.each(drivers)('WispHub connection, «Probar conexión» and catalogs (%s)', (driver) => {
	let t: TestDatabase;
	let fake: FakeWispHub;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		fake = startFakeWispHub();
		await fake.ready;
	});
	afterAll(async () => {
		await fake.close();
		await t.cleanup();
	});
	afterEach(() => {
		delete process.env.WISPHUB_TIMEOUT_MS;
		delete process.env.WISPHUB_API_URL;
		delete process.env.WISPHUB_API_KEY;
		fake.options.slowMs = 0;
	});

	it('says in Spanish what went wrong: bad key, a URL that answers a web page, a timeout, no https', async () => {
		const { admin } = await makeOrg(t.db);
		const test = (baseUrl: string, apiKey = FAKE_KEY) => testConnection(t.db, admin, { baseUrl, apiKey });
		await expect(test(fake.url, 'otra-clave')).rejects.toThrow('WispHub rechazó la clave de API');
		await expect(test(fake.url.replace('/api/', '/'))).rejects.toThrow('respondió una página web');
		fake.options.slowMs = 600;
		process.env.WISPHUB_TIMEOUT_MS = '200';
		await expect(test(fake.url)).rejects.toThrow('WispHub no respondió');
		fake.options.slowMs = 0;
		await expect(test('http://wisphub.ejemplo.mx/api/')).rejects.toThrow('debe empezar con https://');
		await expect(test('http://127.0.0.1:1/api/')).rejects.toThrow('No se pudo conectar');
		expect((await test(fake.url)).message).toBe('Conexión correcta: WispHub respondió con 3 zonas.');
	});

	it('refuses what cannot work, and only an admin may change it', async () => {
		const o = await makeOrg(t.db);
		await expect(saveSettings(t.db, o.admin, { enabled: 'on', baseUrl: '', apiKey: '', triggerStage: 'asignada' })).rejects.toThrow(
			'escribe la URL de la API y la clave'
		);
		await expect(saveSettings(t.db, o.admin, { baseUrl: fake.url, apiKey: FAKE_KEY, triggerStage: 'cancelada' })).rejects.toThrow(
			'Elige la etapa'
		);
		await expect(saveSettings(t.db, o.coordinator, { baseUrl: fake.url, apiKey: FAKE_KEY, triggerStage: 'asignada' })).rejects.toThrow(
			'Solo un administrador'
		);
		expect(await t.db.query('select 1 from wisphub_connections where org_id = $1', [o.org.id])).toHaveLength(0);
		// An empty key keeps the stored one.
		await saveSettings(t.db, o.admin, { baseUrl: fake.url, apiKey: FAKE_KEY, triggerStage: 'asignada' });
		await saveSettings(t.db, o.admin, { enabled: 'on', baseUrl: fake.url, apiKey: '', triggerStage: 'firmada' });
		expect((await configOf(t.db, o.org.id)).apiKey).toBe(FAKE_KEY);
		expect(await settingsView(t.db, o.admin)).toMatchObject({ enabled: true, triggerStage: 'firmada', keyLast4: FAKE_KEY.slice(-4) });
	});

	it('takes the connection from WISPHUB_API_URL and WISPHUB_API_KEY when none is stored', async () => {
		const { admin, org } = await makeOrg(t.db);
		process.env.WISPHUB_API_URL = fake.url;
		process.env.WISPHUB_API_KEY = FAKE_KEY;
		expect(await configOf(t.db, org.id)).toEqual({ baseUrl: fake.url, apiKey: FAKE_KEY });
		expect((await testConnection(t.db, admin, {})).message).toContain('Conexión correcta');
		expect(await settingsView(t.db, admin)).toMatchObject({ fromEnv: true, keyLast4: FAKE_KEY.slice(-4) });
	});

	it('re-importing the catalogs adds nothing twice, keeps what the admin confirmed and says what changed', async () => {
		const p = await connectedProvider(t.db, fake.url);
		const before = await settingsView(t.db, p.admin);
		expect(before.mappings).toHaveLength(8);
		expect((await importCatalogs(t.db, p.admin)).message).toContain('Nada cambió desde la última importación.');
		const after = await settingsView(t.db, p.admin);
		expect(after.mappings).toEqual(before.mappings);
		expect(after.mappings.find((m) => m.kind === 'zona' && m.remoteId === '3')).toMatchObject({ localId: p.zoneId, confirmed: true });
		// Unmapping is a choice too; a board id of another provider is refused.
		await mapItem(t.db, p.admin, { kind: 'zona', remoteId: '3', localId: '' });
		expect((await settingsView(t.db, p.admin)).mappings.find((m) => m.kind === 'zona' && m.remoteId === '3')).toMatchObject({
			localId: null,
			confirmed: false
		});
		const other = await connectedProvider(t.db, fake.url);
		await expect(mapItem(t.db, p.admin, { kind: 'zona', remoteId: '3', localId: other.zoneId })).rejects.toThrow(
			'Elige una opción de la lista'
		);
	});
});
