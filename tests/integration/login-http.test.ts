import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasBuild, postAction, sessionCookie, startServer, type RunningServer } from './support/server';

const EMAIL = 'duena@cuenta.mx';
const PASSWORD = 'contraseña-de-la-dueña-1';
const IP_A = '203.0.113.44';
const IP_B = '198.51.100.55';

describe.skipIf(!hasBuild())('login lockout over HTTP (built server)', () => {
	let server: RunningServer;
	let dataDir: string;
	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'tablero-login-'));
		// Behind a proxy that writes X-Forwarded-For, so the test can speak from two addresses.
		server = await startServer({ DATA_DIR: dataDir, ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
		const setup = await postAction(server, '/setup', {
			orgName: 'Proveedor Cerrojo',
			timeZone: 'America/Cancun',
			adminName: 'Dueña de la Cuenta',
			email: EMAIL,
			password: PASSWORD,
			passwordConfirm: PASSWORD
		});
		expect(setup.body.type).toBe('redirect');
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	async function signIn(ip: string, password: string, device?: string) {
		const res = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: server.url,
				'x-sveltekit-action': 'true',
				accept: 'application/json',
				'x-forwarded-for': ip,
				...(device ? { cookie: device } : {})
			},
			body: new URLSearchParams({ email: EMAIL, password }),
			redirect: 'manual'
		});
		const body = (await res.json()) as { type: string; status?: number; data?: string };
		return { body, setCookie: res.headers.getSetCookie() };
	}
	const page = async (path: string, cookie: string) => (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();
	const NOTICE = /(\d+) intentos fallidos de entrar a tu cuenta desde tu último acceso/;

	it('an address guessing is throttled, the owner with the device cookie gets in from it, and sees the failures until dismissed', async () => {
		const first = await signIn(IP_B, PASSWORD);
		expect(first.body.type).toBe('redirect');
		const deviceHeader = first.setCookie.find((c) => c.startsWith('dispositivo='))!;
		expect(deviceHeader).toMatch(/HttpOnly/i);
		expect(deviceHeader).toMatch(/Path=\/login/i);
		expect(deviceHeader).toMatch(/SameSite=Lax/i);
		const expires = new Date(/Expires=([^;]+)/i.exec(deviceHeader)![1]).getTime();
		expect(expires).toBeGreaterThan(Date.now() + 300 * 24 * 3600_000);
		const device = deviceHeader.split(';')[0];

		const answers = [];
		for (let i = 0; i < 8; i++) answers.push(await signIn(IP_A, `equivocada-${i}`));
		expect(answers.slice(0, 5).map((a) => a.body.status)).toEqual([400, 400, 400, 400, 400]);
		for (const a of answers.slice(5)) {
			expect(a.body.status).toBe(429);
			expect(a.body.data).toContain('Demasiados intentos. Espera 1 minuto e inténtalo de nuevo.');
		}
		expect((await signIn(IP_A, PASSWORD)).body.status).toBe(429);

		const owner = await signIn(IP_A, PASSWORD, device);
		expect(owner.body.type).toBe('redirect');
		const session = sessionCookie(owner.setCookie);

		const board = await page('/tablero', session);
		expect(NOTICE.exec(board)?.[1]).toBe('5');
		expect(board).toContain(`desde ${IP_A}`);
		const hasta = /name="hasta" value="(\d+)"/.exec(board)![1];

		const dismissed = await fetch(`${server.url}/intentos-fallidos`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'application/json', cookie: session },
			body: new URLSearchParams({ hasta, volver: '/tablero' })
		});
		expect(await dismissed.json()).toEqual({ dismissed: 5 });
		expect(await page('/tablero', session)).not.toMatch(NOTICE);

		// Without JavaScript the form goes back to the page it was on, and only to a page of the app.
		await signIn(IP_B, 'otra-equivocada', device);
		const again = await page('/calendario', session);
		expect(again).toContain('1 intento fallido de entrar a tu cuenta desde tu último acceso');
		const plain = await fetch(`${server.url}/intentos-fallidos`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: session },
			body: new URLSearchParams({ hasta: /name="hasta" value="(\d+)"/.exec(again)![1], volver: '/\\evil.example' }),
			redirect: 'manual'
		});
		expect(plain.status).toBe(303);
		expect(plain.headers.get('location')).toBe('/tablero');
		expect(await page('/calendario', session)).not.toContain('intento fallido');
	}, 120_000);
});
