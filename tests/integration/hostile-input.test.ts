import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import { openDatabase } from '$lib/server/db/client';
import { migrate } from '$lib/server/db/migrate';
import { createOrganization } from '$lib/server/services/organizations';
import { seedDemo } from '$lib/server/services/demo';
import { createSession } from '$lib/server/auth';
import { drivers } from './support/db';
import { demoRouteIds } from './support/route-ids';
import { hasBuild, startServer, type RunningServer } from './support/server';
import {
	HOSTILE_JSON,
	HOSTILE_PARAMS,
	HOSTILE_STRINGS,
	PER_KEY_FORM,
	PER_KEY_JSON,
	PER_KEY_TRIES,
	actionNames,
	asFormValue,
	discoverTargets,
	fillRoute,
	LONG,
	keysFor,
	own,
	plausible,
	queryNames,
	schemaKeys,
	type Hint,
	type Ids,
	type Target
} from './support/hostile';

/**
 * Every endpoint, form action and page of src/routes, and every socket event, fed hostile values
 * (NUL, lone surrogates, prototype keys, 100k-character strings, 2000-deep JSON, wrong types,
 * impossible dates) in every field it may read, its query and its route parameters. Refusals
 * are fine (4xx, in Spanish); a 5xx anywhere fails, naming the request.
 */
type Role = 'admin' | 'technician';
interface Req {
	target: Target;
	role: Role;
	url: string;
	body?: string;
	form?: boolean;
	what: string;
}
const ENGLISH = /\b(invalid|expected|required|unexpected|received|undefined|null|NaN|error)\b/i;
const summary = (v: unknown) => {
	const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
	return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

describe.each(drivers)('hostile input on every route (%s, built server)', (driver) => {
	const dataDir = mkdtempSync(join(tmpdir(), 'tablero-hostile-'));
	const adminUrl = process.env.TEST_DATABASE_URL;
	const dbName = `t_hostile_${Date.now().toString(36)}`;
	let admin: postgres.Sql | undefined;
	let server: RunningServer;
	let ids: Ids;
	const sessions: Record<Role, string[]> = { admin: [], technician: [] };
	/** The socket test's own session: the walk never sends it, so its logouts cannot end it. */
	let socketCookie = '';
	let xff = 0;

	beforeAll(async () => {
		let url: string | undefined;
		if (driver === 'postgres') {
			admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${dbName}`);
			const u = new URL(adminUrl!);
			u.pathname = `/${dbName}`;
			url = u.toString();
		}
		const db = url ? await openDatabase({ url }) : await openDatabase({ dataDir: join(dataDir, 'pglite') });
		await migrate(db);
		const a = await createOrganization(db, {
			orgName: 'Proveedor Hostil',
			timeZone: 'America/Cancun',
			adminName: 'Ana A',
			email: 'ana@hostil.mx',
			password: 'contraseña-hostil-1'
		});
		await seedDemo(db, a.org.id);
		const { technicianId, ...routeIds } = await demoRouteIds(db, a.org.id, dataDir, 'hostil.pdf');
		const [org] = await db.query<{ slug: string }>(`select slug from organizations where id = $1`, [a.org.id]);
		ids = { ...routeIds, orgSlug: org.slug };
		// Logout (and anything else that ends a session) uses one up; the next request takes another.
		// The walk posts to /logout once per hostile value (about 80 times): a pool that ran out would
		// send every later request without a session, so it is large and running out fails the test.
		for (let i = 0; i < 250; i++) {
			sessions.admin.push(`session=${(await createSession(db.orm, { id: a.admin.id, orgId: a.org.id })).token}`);
			sessions.technician.push(`session=${(await createSession(db.orm, { id: technicianId, orgId: a.org.id })).token}`);
		}
		socketCookie = `session=${(await createSession(db.orm, { id: a.admin.id, orgId: a.org.id })).token}`;
		await db.close();
		server = await startServer({
			...(url ? { DATABASE_URL: url } : {}),
			DATA_DIR: dataDir,
			// Each request comes "from" its own address, so per-address limits don't hide what's behind them.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			SOCKET_EVENTS_PER_SOCKET: '100000',
			SOCKET_EVENTS_PER_IP: '100000'
		});
	}, 180_000);

	afterAll(async () => {
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
		await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
		await admin?.end();
	});

	/** The server's log without SvelteKit's logged 4xx refusals, so the 5xx stacks are what shows. */
	const serverErrors = () =>
		server
			.log()
			.split(/\n(?=\S)/)
			.filter((entry) => !/status: 4\d\d/.test(entry))
			.join('\n')
			.slice(-6000);

	async function send(r: Req): Promise<{ status: number; message?: string; text: string; ended: boolean }> {
		const n = xff++;
		const cookie = sessions[r.role][0];
		if (!cookie) throw new Error(`se acabaron las sesiones de prueba (${r.role}): la prueba necesita más`);
		const headers: Record<string, string> = {
			origin: server.url,
			cookie,
			'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
		};
		if (r.target.kind === 'action') Object.assign(headers, { 'x-sveltekit-action': 'true', accept: 'application/json' });
		if (r.body !== undefined) headers['content-type'] = r.form ? 'application/x-www-form-urlencoded' : 'application/json';
		const go = () =>
			fetch(server.url + r.url, {
				method: r.target.method,
				headers,
				body: r.body,
				redirect: 'manual',
				signal: AbortSignal.timeout(60_000)
			});
		// A refusal may come before a big body is read, and a kept-alive connection may close as it is
		// reused: the client then sees EPIPE/ECONNRESET. Once more, on a new connection, must answer.
		const res = await go().catch((err: Error) => {
			if (!/EPIPE|ECONNRESET|other side closed/.test(String(err.cause ?? ''))) throw err;
			headers.connection = 'close';
			return go();
		});
		const text = await res.text();
		const ended = res.headers.getSetCookie().some((c) => /^session=;|^session=[^;]*;.*max-age=0/i.test(c));
		if (ended && sessions[r.role][0] === cookie) sessions[r.role].shift();
		let status = res.status;
		let message: string | undefined;
		try {
			const body = JSON.parse(text);
			if (r.target.kind === 'action' && body?.type) {
				status = body.status ?? status;
				const data = body.data ? JSON.parse(body.data) : null;
				// devalue: the failure's data is an array whose first element indexes its fields.
				if (Array.isArray(data) && data[0] && typeof data[0].message === 'number') message = data[data[0].message];
			} else message = body?.message;
		} catch {
			// not JSON (a page, a file)
		}
		return { status, message, text, ended };
	}

	async function runAll(requests: Req[], concurrency = 8) {
		const failures: string[] = [];
		const english: string[] = [];
		let reachedValidation = 0;
		let limited = 0;
		let next = 0;
		const worker = async () => {
			while (next < requests.length) {
				const r = requests[next++];
				try {
					const res = await send(r);
					if (res.status >= 500)
						failures.push(`${r.target.method} ${r.url.slice(0, 120)} [${r.role}] ${r.what} → ${res.status} ${res.text.slice(0, 160)}`);
					if (res.status === 429) limited++;
					if ([400, 409, 413, 415, 422].includes(res.status)) {
						reachedValidation++;
						if (typeof res.message === 'string' && (ENGLISH.test(res.message) || !res.message.trim()))
							english.push(`${r.target.method} ${r.target.route} ${r.what}: ${res.message}`);
					}
				} catch (err) {
					failures.push(
						`${r.target.method} ${r.url.slice(0, 120)} [${r.role}] ${r.what} → sin respuesta (${(err as Error).message} ${String((err as Error).cause ?? '')})`
					);
				}
			}
		};
		await Promise.all(Array.from({ length: concurrency }, worker));
		return { failures, english, reachedValidation, limited };
	}

	function requestsFor(target: Target, keys: Map<string, Hint>, role: Role): Req[] {
		const out: Req[] = [];
		const base = fillRoute(target.route, ids);
		const actionPath = target.kind === 'action' && target.action !== 'default' ? `?/${target.action}` : '';
		const queries = queryNames(target);
		const plausibleQuery = (q: string) =>
			q === 'p'
				? ids.orgSlug
				: /instalacion/.test(q)
					? ids.card
					: /zona/.test(q)
						? ids.zone
						: /kind|tipo/.test(q)
							? 'hoja_instalacion'
							: String(plausible(q, keys.get(q) ?? { type: 'string' }, ids));
		const qs = (over: Record<string, string> = {}) => {
			const p = new URLSearchParams();
			for (const q of queries) p.set(q, plausibleQuery(q));
			for (const [k, v] of Object.entries(over)) p.set(k, v);
			const s = p.toString();
			return s ? (actionPath ? `&${s}` : `?${s}`) : '';
		};
		const url = (path = base, over?: Record<string, string>) => path + actionPath + qs(over);
		const add = (what: string, u: string, body?: unknown) => {
			if (target.method === 'GET' || target.kind === 'page') return out.push({ target, role, url: u, what });
			if (target.kind === 'action') {
				const form = new URLSearchParams();
				for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) form.append(k, asFormValue(v));
				return out.push({ target, role, url: u, body: form.toString(), form: true, what });
			}
			out.push({ target, role, url: u, body: typeof body === 'string' ? body : JSON.stringify(body ?? {}), what });
		};

		// Route parameters: real, then hostile.
		add('sin cambios', url());
		if (target.route.includes('[')) for (const h of HOSTILE_PARAMS) add(`parámetro ${summary(h)}`, url(fillRoute(target.route, ids, h)));
		// Query strings: each name the route reads, each hostile string.
		for (const q of [...queries, '__proto__']) for (const h of HOSTILE_STRINGS) add(`?${q}=${summary(h)}`, url(base, { [q]: h }));
		if (target.method === 'GET' || target.kind === 'page') return out;

		// Bodies: every discriminator the route switches on (or none), then every field hostile at once,
		// then one field at a time on top of plausible values so the others pass and this one is reached.
		const values = target.kind === 'action' ? HOSTILE_STRINGS : HOSTILE_JSON;
		const perKey = target.kind === 'action' ? PER_KEY_FORM : PER_KEY_JSON;
		const fields = [...keys].filter(([k]) => k !== 'action');
		const actions = target.kind === 'endpoint' ? actionNames(target) : [];
		for (const action of actions.length ? actions : [undefined]) {
			const withAction = (o: Record<string, unknown>) => (action ? { ...o, action } : o);
			const plausibleBody = () =>
				withAction(
					Object.fromEntries(
						fields.filter(([k]) => !['__proto__', 'constructor', 'prototype'].includes(k)).map(([k, h]) => [k, plausible(k, h, ids)])
					)
				);
			const tag = action ? `action=${action} ` : '';
			add(`${tag}plausible`, url(), plausibleBody());
			// The server refuses bodies over 1 MB before reading them (413, connection closed): long
			// strings go in as many fields as fit, and key by key below.
			for (const v of values)
				add(
					`${tag}todo=${summary(v)}`,
					url(),
					withAction(Object.fromEntries(fields.slice(0, v === LONG ? 9 : undefined).map(([k]) => [k, v])))
				);
			for (const [i, [k]] of fields.entries()) {
				for (let j = 0; j < PER_KEY_TRIES; j++) {
					const v = perKey[(i * PER_KEY_TRIES + j) % perKey.length];
					const body = plausibleBody();
					Object.defineProperty(body, k, { value: v, enumerable: true, writable: true, configurable: true });
					add(`${tag}${k}=${summary(v)}`, url(), body);
				}
			}
			if (target.kind !== 'action') {
				add(`${tag}cuerpo JSON roto`, url(), '{"a":');
				add(`${tag}cuerpo con __proto__`, url(), JSON.stringify(own('__proto__', { action, field: 'comments', value: 'x' })));
				for (const v of [null, 'texto', 12, [], HOSTILE_JSON.at(-1)]) add(`${tag}cuerpo=${summary(v)}`, url(), JSON.stringify(v));
			}
		}
		// The autosave's value is reached only with a real field name: every field, every hostile value.
		const field = keys.get('field');
		if (field?.type === 'enum' && keys.has('value')) {
			for (const option of field.options)
				for (const v of PER_KEY_JSON) add(`field=${option} value=${summary(v)}`, url(), { field: option, value: v, baseValue: null });
		}
		return out;
	}

	it.skipIf(!hasBuild() || (driver === 'postgres' && !adminUrl))(
		'answers every hostile request with a 4xx, never a 5xx',
		async () => {
			const targets = await discoverTargets();
			const universe = await schemaKeys();
			expect(targets.length).toBeGreaterThan(40);
			// The admin everywhere but the technician's own pages and actions, which only a technician reaches.
			const requests: Req[] = [];
			for (const t of targets) {
				const keys = keysFor(t, universe);
				requests.push(...requestsFor(t, keys, t.route.includes('/tecnico') ? 'technician' : 'admin'));
			}
			const t0 = Date.now();
			const { failures, english, reachedValidation, limited } = await runAll(requests);
			console.info(
				`hostile-input ${driver}: ${requests.length} solicitudes en ${((Date.now() - t0) / 1000).toFixed(1)} s; ${reachedValidation} llegaron a la validación, ${limited} limitadas (429)`
			);
			expect(failures, `respuestas 5xx:\n${failures.join('\n')}\n\nregistro del servidor:\n${serverErrors()}`).toEqual([]);
			expect(english, 'mensajes que no están en español').toEqual([]);
			expect(reachedValidation).toBeGreaterThan(requests.length / 4);
			expect(limited).toBeLessThan(requests.length / 20);
		},
		600_000
	);

	it.skipIf(!hasBuild() || (driver === 'postgres' && !adminUrl))(
		'every socket event answers hostile payloads with an error and keeps the connection',
		async () => {
			const source = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'lib', 'server', 'realtime', 'handlers.ts'), 'utf8');
			const events = [...source.matchAll(/socket\.on\(\s*'([^']+)'/g)].map((m) => m[1]).filter((e) => e !== 'disconnect');
			expect(events.length).toBeGreaterThan(2);
			// If the handshake fails, say what the server still answers over plain HTTP, a page that reads
			// the database and engine.io polling, and the end of its log, so a failure tells where it stops.
			const probe = async (path: string) =>
				fetch(`${server.url}${path}`, { headers: { origin: server.url, cookie: socketCookie }, signal: AbortSignal.timeout(30_000) })
					.then(async (r) => `${r.status} ${(await r.text()).slice(0, 120)}`)
					.catch((e: Error) => `sin respuesta: ${e.message}`);
			const reached = () =>
				Promise.all(
					['/healthz', '/api/notificaciones', '/socket.io/?EIO=4&transport=polling'].map(async (p) => `${p} → ${await probe(p)}`)
				).then((lines) => `${lines.join('; ')}\nregistro del servidor:\n${server.log().slice(-3000)}`);
			const socket: Socket = connect(server.url, {
				path: '/socket.io',
				transports: ['websocket'],
				extraHeaders: { origin: server.url, cookie: socketCookie },
				reconnection: false,
				forceNew: true,
				// The server has just answered thousands of hostile requests: on a busy machine the handshake can outlast socket.io's 20 s.
				timeout: 90_000
			});
			await new Promise<void>((resolve, reject) => {
				socket.once('connect', () => resolve());
				socket.once('connect_error', (e) => void reached().then((r) => reject(new Error(`${e.message} (${r})`))));
			});
			const wrong: string[] = [];
			// Up to socket.io's maxHttpBufferSize (64 KB); a bigger message closes the connection by design.
			const payloads: unknown[] = [
				...HOSTILE_JSON.map((v) => (v === LONG ? 'x'.repeat(60_000) : v)),
				{ cardId: 'a\u0000b', toStage: 'x\ud800y', version: 1 },
				{ cardId: ids.card, toStage: '__proto__', version: 1 },
				{ cardId: ids.card, toStage: 'agendada', version: 1e308, overrideReason: 'a\u0000b', cancelNote: 'x\ud800y' },
				{ cardId: ids.card, toStage: 'cobertura_confirmada', version: 1, overrideReason: 'a\u0000b' },
				{ cardId: ids.card, toStage: 'cancelada', version: 1, cancelReason: 'constructor', cancelNote: 'a\u0000b' },
				{ lastSeq: -1 },
				{ lastSeq: 1e308 },
				{ lastSeq: '2025-02-30' },
				{ cardId: '__proto__' },
				own('__proto__', { cardId: ids.card })
			];
			for (const event of events) {
				for (const p of payloads) {
					const res = (await socket
						.timeout(15_000)
						.emitWithAck(event, p)
						.catch((e: Error) => ({ timeout: e.message }))) as { ok?: boolean; status?: number; timeout?: string };
					const refused = res && (res.ok === false || 'error' in res) && (res.status ?? 400) < 500;
					const accepted = res && res.ok !== false && !('error' in res) && !res.timeout;
					if (!refused && !accepted) wrong.push(`${event} ${summary(p)} → ${JSON.stringify(res).slice(0, 160)}`);
					if (!socket.connected) {
						wrong.push(`${event} ${summary(p)} cerró la conexión`);
						break;
					}
				}
			}
			socket.disconnect();
			expect(wrong).toEqual([]);
		},
		300_000
	);
});
