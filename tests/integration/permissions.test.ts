import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { io as connect } from 'socket.io-client';
import { openDatabase } from '$lib/server/db/client';
import { migrate } from '$lib/server/db/migrate';
import { createOrganization } from '$lib/server/services/organizations';
import { seedDemo } from '$lib/server/services/demo';
import { createSession } from '$lib/server/auth';
import { hasBuild, startServer, type RunningServer } from './support/server';
import { MATRIX, type Audience, type Entry, type Ids } from './support/permissions';
import { demoRouteIds } from './support/route-ids';

const AUDIENCES: Audience[] = ['admin', 'coordinator', 'agent', 'technician', 'otherOrg', 'anon', 'display'];
const ROUTES = join(import.meta.dirname, '..', '..', 'src', 'routes');

/** Every page, action and endpoint that exists, read from src/routes. */
async function discover(): Promise<string[]> {
	const found: string[] = [];
	const walk = async (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) {
				await walk(full);
				continue;
			}
			const route = '/' + relative(ROUTES, dir).split(sep).join('/');
			const id = route === '/' ? '/' : route.replace(/\/$/, '');
			if (name === '+page.svelte') found.push(`page ${id}`);
			if (name === '+page.server.ts') {
				const mod = await import(/* @vite-ignore */ full);
				// A redirect-only route has a load and no +page.svelte; it is still a page.
				if (mod.load) found.push(`page ${id}`);
				for (const action of Object.keys(mod.actions ?? {})) found.push(`action ${id} ${action}`);
			}
			if (name === '+server.ts') {
				const mod = await import(/* @vite-ignore */ full);
				for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) if (m in mod) found.push(`endpoint ${id} ${m}`);
			}
		}
	};
	await walk(ROUTES);
	return [...new Set(found)].sort();
}

const keyOf = (e: Entry) =>
	e.kind === 'page'
		? `page ${e.route}`
		: e.kind === 'action'
			? `action ${e.route} ${e.action}`
			: e.kind === 'endpoint'
				? `endpoint ${e.route} ${e.method}`
				: `socket ${e.route}`;

type Outcome = 'allowed' | 'refused';

function classify(
	status: number,
	location: string | null,
	body?: { type?: string; status?: number; location?: string }
): Outcome | `error ${number}` {
	if (body?.type) {
		if (body.type === 'redirect') return body.location?.startsWith('/login') ? 'refused' : 'allowed';
		if (body.type === 'failure' || body.type === 'error') {
			const s = body.status ?? status;
			if ([401, 403, 404, 410].includes(s)) return 'refused';
			if (s >= 500) return `error ${s}`;
			return 'allowed';
		}
		return 'allowed';
	}
	if (status >= 300 && status < 400) return location?.includes('/login') ? 'refused' : 'allowed';
	if ([401, 403, 404, 410].includes(status)) return 'refused';
	if (status >= 500) return `error ${status}`;
	return 'allowed';
}

describe.skipIf(!hasBuild())('permissions matrix (built server)', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'tablero-perms-'));
	let server: RunningServer;
	let ids: Ids;
	const cookies = {} as Record<Audience, string | null>;

	beforeAll(async () => {
		const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
		await migrate(db);
		const a = await createOrganization(db, {
			orgName: 'Proveedor A',
			timeZone: 'America/Cancun',
			adminName: 'Ana A',
			email: 'ana@a.mx',
			password: 'contraseña-a-1234'
		});
		await seedDemo(db, a.org.id);
		const b = await createOrganization(db, {
			orgName: 'Proveedor B',
			timeZone: 'America/Cancun',
			adminName: 'Beto B',
			email: 'beto@b.mx',
			password: 'contraseña-b-1234'
		});
		const user = async (email: string) => (await db.query<{ id: string }>('select id from users where email = $1', [email]))[0].id;
		const session = async (id: string, orgId: string) => `session=${(await createSession(db.orm, { id, orgId })).token}`;
		const { technicianId: tech, ...routeIds } = await demoRouteIds(db, a.org.id, dataDir, 'permisos.pdf');
		ids = routeIds;
		cookies.admin = await session(a.admin.id, a.org.id);
		cookies.coordinator = await session(await user('coordinador@demo.invalid'), a.org.id);
		cookies.agent = await session(await user('agente@demo.invalid'), a.org.id);
		cookies.technician = await session(tech, a.org.id);
		cookies.otherOrg = await session(b.admin.id, b.org.id);
		cookies.anon = null;
		cookies.display = null;
		await db.close();
		server = await startServer({ DATA_DIR: dataDir });
	}, 180_000);

	afterAll(async () => {
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('has an entry for every page, action and endpoint in src/routes, and no stale ones', async () => {
		const existing = await discover();
		const listed = MATRIX.filter((e) => e.kind !== 'socket')
			.map(keyOf)
			.sort();
		expect(
			existing.filter((k) => !listed.includes(k)),
			'rutas sin entrada en la matriz'
		).toEqual([]);
		expect(
			listed.filter((k) => !existing.includes(k)),
			'entradas de rutas que ya no existen'
		).toEqual([]);
	}, 60_000);

	it('allows and refuses exactly as the matrix says, over the socket', async () => {
		const wrong: string[] = [];
		for (const who of AUDIENCES) {
			const socket = connect(server.url, {
				path: '/socket.io',
				transports: ['websocket'],
				extraHeaders: { origin: server.url, ...(cookies[who] ? { cookie: cookies[who]! } : {}) },
				auth: who === 'display' ? { token: ids.display } : undefined,
				reconnection: false,
				forceNew: true
			});
			let why = '';
			const connected = await new Promise<boolean>((resolve) => {
				socket.once('connect', () => resolve(true));
				socket.once('connect_error', (err) => {
					why = err.message;
					resolve(false);
				});
			});
			for (const e of MATRIX.filter((x) => x.kind === 'socket')) {
				let outcome: Outcome = 'refused';
				if (connected) {
					const payload =
						e.route === 'card:move'
							? { cardId: ids.card, toStage: 'documentos_pendientes', version: 1 }
							: e.route === 'board:since'
								? { lastSeq: 0 }
								: e.route === 'presence:open'
									? { cardId: null }
									: undefined;
					const res = (await (payload === undefined
						? socket.timeout(5000).emitWithAck(e.route as 'heartbeat')
						: socket.timeout(5000).emitWithAck(e.route as 'card:move', payload as never))) as {
						ok?: boolean;
						status?: number;
						error?: string;
					};
					outcome = res && (res.ok === false || res.error) && [401, 403, 404].includes(res.status ?? 403) ? 'refused' : 'allowed';
				}
				const expected: Outcome = e.allow.includes(who) ? 'allowed' : 'refused';
				if (outcome !== expected) wrong.push(`socket ${e.route} · ${who}: ${outcome}, esperado ${expected} ${why}`);
			}
			socket.disconnect();
		}
		expect(wrong).toEqual([]);
	}, 120_000);

	it('allows and refuses exactly as the matrix says, over HTTP', async () => {
		const wrong: string[] = [];
		for (const e of MATRIX.filter((x) => x.kind !== 'socket')) {
			for (const who of AUDIENCES) {
				const headers: Record<string, string> = { origin: server.url };
				if (cookies[who]) headers.cookie = cookies[who]!;
				const url = server.url + e.url!(ids);
				let outcome: ReturnType<typeof classify>;
				let detail: string;
				if (e.kind === 'action') {
					const target = e.action === 'default' ? url : `${url}?/${e.action}`;
					const res = await fetch(target, {
						method: 'POST',
						headers: {
							...headers,
							'content-type': 'application/x-www-form-urlencoded',
							'x-sveltekit-action': 'true',
							accept: 'application/json'
						},
						body: '',
						redirect: 'manual'
					});
					const text = await res.text();
					let body: { type?: string; status?: number; location?: string } | undefined;
					try {
						body = JSON.parse(text);
					} catch {
						body = undefined;
					}
					outcome = classify(res.status, res.headers.get('location'), body?.type ? body : undefined);
					detail = `${res.status} ${text.slice(0, 80)}`;
				} else {
					const method = e.method ?? 'GET';
					const res = await fetch(url, {
						method,
						headers: method === 'GET' ? headers : { ...headers, 'content-type': 'application/json' },
						body: method === 'GET' ? undefined : '{}',
						redirect: 'manual'
					});
					const text = await res.text();
					outcome = e.loginRedirectIsSuccess && res.status === 303 ? 'allowed' : classify(res.status, res.headers.get('location'));
					detail = `${res.status} ${res.headers.get('location') ?? ''} ${text.slice(0, 80)}`;
				}
				const expected: Outcome = e.allow.includes(who) ? 'allowed' : 'refused';
				if (outcome !== expected) wrong.push(`${keyOf(e)} · ${who}: ${outcome}, esperado ${expected} (${detail})`);
			}
		}
		expect(wrong).toEqual([]);
	}, 300_000);
});
