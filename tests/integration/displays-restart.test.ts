import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { hasBuild, postAction, sessionCookie, startServer, type RunningServer } from './support/server';
import { DisplayState } from '$lib/realtime/display.svelte';
import type { DisplaySnapshot } from '$lib/schemas/displays';

async function until(check: () => boolean, ms: number, what: string) {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`no ocurrió en ${ms} ms: ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

const EMPTY: DisplaySnapshot = {
	name: '',
	orgName: '',
	timeZone: 'America/Cancun',
	cards: [],
	lastSeq: 0,
	settings: { wipLimits: {}, sla: {} },
	serverTime: ''
};

// The built production server, stopped and started again on the same data and port.
describe.skipIf(!hasBuild())('wall display against the built server', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'tablero-pantalla-'));
	let server: RunningServer | undefined;
	let display: DisplayState | undefined;
	afterAll(async () => {
		display?.stop();
		await server?.stop('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('serves a redacted page, refuses mutations, recovers after a restart and goes dark when revoked', async () => {
		server = await startServer({ DATA_DIR: dataDir });
		const setup = await postAction(server, '/setup', {
			orgName: 'Pantalla Demo',
			timeZone: 'America/Cancun',
			adminName: 'Ana Admin',
			email: 'ana@pantalla.mx',
			password: 'contraseña-pantalla-1',
			passwordConfirm: 'contraseña-pantalla-1',
			demo: 'on'
		});
		expect(setup.body.type).toBe('redirect');
		const cookie = sessionCookie(setup.setCookie);
		const created = await postAction(server, '/ajustes/pantallas?/create', { name: 'TV oficina' }, cookie);
		const token = /pantalla\/([a-z2-7]{32})/.exec(created.body.data ?? '')?.[1];
		expect(token).toBeTruthy();

		const page = await fetch(`${server.url}/pantalla/${token}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('data-testid="wall-display"');
		// Demo phones are 998xxxxxxx; e-mails and PPPoE passwords (phone + "M") must not be in the page.
		expect(html).not.toMatch(/998\d{7}/);
		expect(html).not.toMatch(/@[a-z0-9-]+\.(mx|com|invalid)/i);

		// The token is no session: HTTP endpoints refuse it wherever it's put.
		const anyCard = /"id":"([0-9a-f-]{36})"/.exec(html)?.[1];
		const mover = await fetch(`${server.url}/api/instalaciones/${anyCard}/mover`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, cookie: `session=${token}`, origin: server.url },
			body: JSON.stringify({ toStage: 'cancelada', cancelReason: 'otro', cancelNote: 'desde la TV', version: 1 })
		});
		expect([401, 403]).toContain(mover.status);

		const url = server.url;
		display = new DisplayState(token!, EMPTY, {
			connect: (tk) =>
				connect(`${url}/pantalla`, {
					path: '/socket.io',
					auth: { token: tk },
					transports: ['websocket'],
					reconnectionDelay: 200,
					reconnectionDelayMax: 500
				})
		});
		display.start();
		await until(() => display!.status === 'live' && display!.cardCount > 10, 5000, 'pantalla en vivo con tarjetas');
		const cards = display.cardCount;

		const port = server.port;
		await server.stop('SIGTERM');
		await until(() => display!.status === 'offline', 5000, 'pantalla sin conexión');
		expect(display.offlineSince).not.toBeNull();
		server = await startServer({ DATA_DIR: dataDir }, port);
		await until(() => display!.status === 'live', 15_000, 'pantalla reconectada');
		expect(display.offlineSince).toBeNull();
		expect(display.cardCount).toBe(cards);

		// Live again: a coordinator's move after the restart reaches the display.
		const login = await postAction(server, '/login', { email: 'ana@pantalla.mx', password: 'contraseña-pantalla-1' });
		const admin = connect(server.url, {
			path: '/socket.io',
			transports: ['websocket'],
			extraHeaders: { cookie: sessionCookie(login.setCookie) },
			forceNew: true
		});
		const target = display.columns.find((c) => c.stage === 'cobertura_confirmada')!.cards[0];
		const res = await new Promise<{ ok: boolean }>((r) =>
			admin.emit('card:move', { cardId: target.id, toStage: 'preinstalacion', version: target.version }, r)
		);
		expect(res.ok).toBe(true);
		await until(
			() => display!.columns.find((c) => c.stage === 'preinstalacion')!.cards.some((c) => c.id === target.id),
			2000,
			'movimiento en la pantalla'
		);
		expect(display.isHighlighted(target.id)).toBe(true);

		// Revoking from the settings page turns the open display off and the page into 410.
		const list = await fetch(`${server.url}/ajustes/pantallas`, { headers: { cookie: sessionCookie(login.setCookie) } });
		const id = /name="id" value="([0-9a-f-]{36})"/.exec(await list.text())?.[1];
		const revoked = await postAction(server, '/ajustes/pantallas?/revoke', { id: id! }, sessionCookie(login.setCookie));
		expect(revoked.body.type).toBe('success');
		await until(() => display!.status === 'revoked', 3000, 'pantalla desactivada');
		expect((await fetch(`${server.url}/pantalla/${token}`)).status).toBe(410);
		admin.close();
	}, 120_000);
});
