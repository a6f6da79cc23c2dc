import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { emitAck, startRealtime } from './support/realtime';
import { count } from './support/card-fixtures';
import { createDisplay, displayByToken, displaySnapshot, listDisplays, revokeDisplay } from '$lib/server/services/displays';
import { hashToken } from '$lib/server/auth';
import type { DisplayEvent, DisplaySnapshot } from '$lib/schemas/displays';

type Org = Awaited<ReturnType<typeof makeOrg>>;

/** Everything on the card below that must never reach a shared screen. */
const SECRETS = [
	'Pérez',
	'López',
	'9981112233',
	'9984445566',
	'maria@correo.mx',
	'Calle Secreta',
	'SM 77',
	'Secreto9981112233M',
	'perez2024MB',
	'10.30.1.55',
	'Técnico'
];

function openDisplay(url: string, token: unknown): Promise<Socket> {
	const s = connect(`${url}/pantalla`, {
		path: '/socket.io',
		transports: ['websocket'],
		auth: { token },
		reconnection: false,
		forceNew: true
	});
	return new Promise((resolve, reject) => {
		s.once('connect', () => resolve(s));
		s.once('connect_error', (err) => {
			s.close();
			reject(err);
		});
	});
}

const ask = <T>(s: Socket, event: string, ...args: unknown[]): Promise<T> =>
	new Promise((resolve) =>
		s.timeout(3000).emit(event, ...args, (err: Error | null, res: T) => resolve(err ? ({ timeout: true } as T) : res))
	);

describe.each(drivers)('wall display on %s', (driver) => {
	let t: TestDatabase;
	let rt: Awaited<ReturnType<typeof startRealtime>>;
	let o: Org;
	let card: { id: string; version: number };
	const opened: Socket[] = [];
	beforeAll(async () => {
		t = await freshDatabase(driver);
		rt = await startRealtime(t.db);
		o = await makeOrg(t.db);
		card = await makeCard(t.db, o.org.id, {
			stage: 'asignada',
			full_name: 'María José Pérez López',
			phone: '9981112233',
			phone_alt: '9984445566',
			email: 'maria@correo.mx',
			addr_sm: '77',
			addr_street: 'Calle Secreta',
			addr_colonia: 'Región 94',
			pppoe_user: '9981112233',
			pppoe_password: 'Secreto9981112233M',
			wifi_password: 'perez2024MB',
			ip: '10.30.1.55',
			technician_id: o.technician.id,
			installation_date: '2026-11-21'
		});
	});
	afterAll(async () => {
		for (const s of opened) s.close();
		await rt.close();
		await t.cleanup();
	});

	it('only admins create and revoke display links; the token is stored hashed', async () => {
		const before = await count(t.db, 'display_tokens');
		await expect(createDisplay(t.db, o.coordinator, { name: 'TV pasillo' })).rejects.toMatchObject({ status: 403 });
		await expect(createDisplay(t.db, o.admin, { name: '' })).rejects.toMatchObject({ status: 400 });
		expect(await count(t.db, 'display_tokens')).toBe(before);
		const d = await createDisplay(t.db, o.admin, { name: 'TV oficina' });
		expect(d.path).toBe(`/pantalla/${d.token}`);
		const [row] = await t.db.query<{ token_hash: string }>('select token_hash from display_tokens where id = $1', [d.id]);
		expect(row.token_hash).toBe(hashToken(d.token));
		expect(row.token_hash).not.toContain(d.token);
		expect((await listDisplays(t.db, o.admin)).map((x) => x.name)).toContain('TV oficina');
		await expect(revokeDisplay(t.db, o.agent, { id: d.id })).rejects.toMatchObject({ status: 403 });
		expect((await displayByToken(t.db, d.token)).orgId).toBe(o.org.id);
		await revokeDisplay(t.db, o.admin, { id: d.id });
		await expect(displayByToken(t.db, d.token)).rejects.toMatchObject({ status: 410, message: 'Pantalla desactivada.' });
		await expect(displayByToken(t.db, 'a'.repeat(32))).rejects.toMatchObject({ status: 404, message: 'Este enlace no existe.' });
	});

	it('the snapshot carries first name and colonia, never contact data or credentials', async () => {
		const d = await createDisplay(t.db, o.admin, { name: 'TV snapshot' });
		const snap = await displaySnapshot(t.db, await displayByToken(t.db, d.token));
		const mine = snap.cards.find((c) => c.id === card.id)!;
		expect(mine).toMatchObject({ firstName: 'María', colonia: 'Región 94', technicianName: 'Tomás' });
		const json = JSON.stringify(snap);
		for (const s of SECRETS) expect(json).not.toContain(s);
	});

	it('a move reaches an open display within a second, redacted', async () => {
		const d = await createDisplay(t.db, o.admin, { name: 'TV en vivo' });
		const tv = await openDisplay(rt.url, d.token);
		opened.push(tv);
		const frames: unknown[] = [];
		tv.onAny((_e, ...args) => frames.push(args));
		const first = await ask<{ snapshot: DisplaySnapshot }>(tv, 'display:snapshot');
		expect(first.snapshot.cards.some((c) => c.id === card.id)).toBe(true);
		const coord = await rt.connectAs(o.coordinator);
		const arrived = new Promise<{ e: DisplayEvent; at: number }>((resolve) =>
			tv.on('display:card', (e: DisplayEvent) => e.cardId === card.id && resolve({ e, at: Date.now() }))
		);
		const sentAt = Date.now();
		const res = await emitAck(coord, 'card:move', { cardId: card.id, toStage: 'agendada', version: card.version });
		expect(res.ok).toBe(true);
		const { e, at } = await arrived;
		expect(at - sentAt).toBeLessThan(1000);
		expect(e.card?.stage).toBe('agendada');
		const traffic = JSON.stringify(frames) + JSON.stringify(first);
		for (const s of SECRETS) expect(traffic).not.toContain(s);
		if (res.ok) card.version = res.card.version;
	});

	it('a display socket cannot mutate anything, and its token opens no board socket', async () => {
		const d = await createDisplay(t.db, o.admin, { name: 'TV solo lectura' });
		const tv = await openDisplay(rt.url, d.token);
		opened.push(tv);
		const [before] = await t.db.query<{ version: number; stage: string }>('select version, stage from installations where id = $1', [
			card.id
		]);
		const events = await count(t.db, 'board_events');
		const move = await ask<{ ok?: boolean; status?: number }>(tv, 'card:move', {
			cardId: card.id,
			toStage: 'preinstalacion',
			version: before.version
		});
		expect(move).toMatchObject({ ok: false, status: 403 });
		tv.emit('presence:open', { cardId: card.id });
		tv.emit('card:update', { cardId: card.id, fullName: 'Hackeado' });
		const since = await ask<{ events?: unknown[] }>(tv, 'display:since', { lastSeq: 0 });
		expect(Array.isArray(since.events) || 'snapshot' in since).toBe(true);
		await new Promise((r) => setTimeout(r, 200));
		const [after] = await t.db.query<{ version: number; stage: string }>('select version, stage from installations where id = $1', [
			card.id
		]);
		expect(after).toEqual(before);
		expect(await count(t.db, 'board_events')).toBe(events);
		expect(tv.connected).toBe(true);
		// The board namespace authenticates by session cookie only: a display token is not a session.
		const board = connect(rt.url, {
			path: '/socket.io',
			transports: ['websocket'],
			auth: { token: d.token },
			reconnection: false,
			forceNew: true
		});
		const refused = await new Promise<string>((r) =>
			board.once('connect_error', (err) => r(err.message)).once('connect', () => r('connected'))
		);
		board.close();
		expect(refused).toMatch(/Sesión no válida/);
	});

	it('refuses unknown tokens, and revoking stops open displays live and refuses reconnection', async () => {
		await expect(openDisplay(rt.url, 'zzzz')).rejects.toThrow('display:revoked');
		await expect(openDisplay(rt.url, undefined)).rejects.toThrow('display:revoked');
		const d = await createDisplay(t.db, o.admin, { name: 'TV a revocar' });
		const other = await createDisplay(t.db, o.admin, { name: 'TV que sigue' });
		const tv = await openDisplay(rt.url, d.token);
		const keeps = await openDisplay(rt.url, other.token);
		opened.push(tv, keeps);
		const revoked = new Promise<boolean>((r) => tv.once('display:revoked', () => r(true)));
		const dropped = new Promise<string>((r) => tv.once('disconnect', (reason) => r(reason)));
		await revokeDisplay(t.db, o.admin, { id: d.id });
		expect(await revoked).toBe(true);
		expect(await dropped).toBe('io server disconnect');
		await expect(openDisplay(rt.url, d.token)).rejects.toThrow('display:revoked');
		await new Promise((r) => setTimeout(r, 100));
		expect(keeps.connected).toBe(true);
	});

	it('a heartbeat answers the server time and last sequence', async () => {
		const d = await createDisplay(t.db, o.admin, { name: 'TV latido' });
		const tv = await openDisplay(rt.url, d.token);
		opened.push(tv);
		const beat = await ask<{ serverTime: string; lastSeq: number }>(tv, 'heartbeat');
		expect(beat.lastSeq).toBeGreaterThan(0);
		expect(Date.parse(beat.serverTime)).not.toBeNaN();
	});
});
