// The WispHub API key never appears in clear: not in pages, page data, form answers, exports, logs,
// backups or the database; and it is not stored at all without APP_SECRET.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/client';
import { backup } from '$lib/server/backup';
import { hasBuild, postAction, sessionCookie, startServer, type RunningServer } from './support/server';
import { TEST_APP_SECRET } from './support/wisphub';
import { startFakeWispHub } from '../wisphub-fake/fake';

const KEY = 'Zk9-clave-secreta-de-wisphub-7Q2x';

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

describe.skipIf(!hasBuild())('the WispHub API key stays secret (built server)', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'wisphub-secret-'));
	const fake = startFakeWispHub({ apiKey: KEY });
	let server: RunningServer;
	let cookie: string;
	const seen: string[] = [];
	const get = async (path: string) => {
		const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
		const text = await res.text();
		seen.push(text);
		return { status: res.status, text };
	};
	const act = async (action: string, fields: Record<string, string>) => {
		const r = await postAction(server, `/ajustes/integraciones?/${action}`, fields, cookie);
		seen.push(JSON.stringify(r.body));
		return r;
	};

	beforeAll(async () => {
		await fake.ready;
		server = await startServer({ DATA_DIR: dataDir, APP_SECRET: TEST_APP_SECRET });
		const setup = await postAction(server, '/setup', {
			orgName: 'Proveedor Secreto',
			timeZone: 'America/Cancun',
			adminName: 'Ana Admin',
			email: 'ana@secreto.mx',
			password: 'contraseña-secreta-1',
			passwordConfirm: 'contraseña-secreta-1'
		});
		cookie = sessionCookie(setup.setCookie);
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		await fake.close();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('is stored sealed and shown only by its last 4 characters', async () => {
		const saved = await act('save', { enabled: 'on', baseUrl: fake.url, apiKey: KEY, triggerStage: 'asignada' });
		expect(saved.body.type).toBe('success');
		expect((await act('test', { baseUrl: '', apiKey: '' })).body.data).toContain('Conexión correcta');
		expect((await act('import', {})).body.data).toContain('Importado de WispHub');
		// A wrong key typed in the form is not echoed back either.
		const wrong = await act('test', { baseUrl: fake.url, apiKey: `${KEY}-otra` });
		expect(wrong.body.type).toBe('failure');
		expect(wrong.body.data).toContain('rechazó la clave');
		expect((await act('save', { enabled: 'on', baseUrl: 'ftp://x', apiKey: KEY, triggerStage: 'asignada' })).body.type).toBe('failure');

		const page = await get('/ajustes/integraciones');
		expect(page.status).toBe(200);
		expect(page.text).toContain(KEY.slice(-4));
		await get('/ajustes/integraciones/__data.json');
		await get('/api/exportar/csv');
		await get('/tablero/__data.json');
		await get('/healthz');
		for (const text of seen) expect(text).not.toContain(KEY);
		expect(server.log()).not.toContain(KEY);
	});

	it('is not in the database or a backup in clear', async () => {
		await server.stop();
		const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
		const out = mkdtempSync(join(tmpdir(), 'wisphub-backup-'));
		try {
			const [row] = await db.query<{ sealed: string }>('select api_key_sealed as sealed from wisphub_connections');
			expect(row.sealed).toMatch(/^v1\./);
			const dump = await db.query<{ t: string }>(`select string_agg(to_jsonb(c)::text, '') as t from wisphub_connections c`);
			expect(dump[0].t).not.toContain(KEY);
			await backup(db, out);
			for (const file of filesUnder(out)) expect(readFileSync(file).includes(KEY), file).toBe(false);
		} finally {
			await db.close();
			rmSync(out, { recursive: true, force: true });
		}
		server = await startServer({ DATA_DIR: dataDir, APP_SECRET: '' });
	}, 120_000);

	it('without APP_SECRET the key is refused with a message that says how to set it', async () => {
		const login = await postAction(server, '/login', { email: 'ana@secreto.mx', password: 'contraseña-secreta-1' });
		cookie = sessionCookie(login.setCookie);
		const r = await act('save', { baseUrl: fake.url, apiKey: 'otra-clave-cualquiera', triggerStage: 'asignada' });
		expect(r.body.type).toBe('failure');
		expect(r.body.data).toContain('APP_SECRET');
	});
});
