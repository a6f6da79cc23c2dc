// npm run bench:board — board snapshot latency, time to an interactive board, move fan-out to 200
// sockets against a raw socket.io broadcast floor, and sustained moves/s with 10 movers, on the
// built production server with PGlite and (when TEST_DATABASE_URL is set) PostgreSQL.
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { chromium } from '@playwright/test';
import { findChromium, HEADLESS_ARGS } from '../../src/lib/server/pdf/find-chromium.js';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';
import { createOrganization } from '../../src/lib/server/services/organizations';
import { createSession } from '../../src/lib/server/auth';
import { startServer, hasBuild, type RunningServer } from '../integration/support/server';
import { appendResults, machine, pct, UNLIMITED_SOCKETS, type Row } from './report';

const run = promisify(execFile);

const OPEN = Number(process.env.BENCH_OPEN ?? 2000);
const CLOSED = Number(process.env.BENCH_CLOSED ?? 20000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const MOVERS = 10;
/** Moves (and raw broadcasts) timed for the fan-out; enough that p95 is not one unlucky sample. */
const FANOUT_SAMPLES = 200;
/** Untimed rounds first, on both sides: a server that has been up a while, not its first moves. */
const FANOUT_WARMUP = Number(process.env.BENCH_FANOUT_WARMUP ?? 200);
const MOVE_SECONDS = Number(process.env.BENCH_MOVE_SECONDS ?? 15);
/** BENCH_PARTS=snapshot,moves runs only those parts (all by default: snapshot,tti,fanout,moves). */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'snapshot,tti,fanout,moves').split(','));

async function seed(db: Database) {
	const { org, admin } = await createOrganization(db, {
		orgName: 'Bench',
		timeZone: 'America/Cancun',
		adminName: 'Bench Admin',
		email: `bench-${Date.now()}@bench.mx`,
		password: 'contraseña-bench-1'
	});
	const open = ['preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada', 'asignada', 'firmada'];
	await db.query(
		`insert into installations (org_id, full_name, phone, addr_colonia, stage, position, stage_changed_at)
		 select $1, 'Cliente ' || g, '998' || lpad(g::text, 7, '0'), 'SM ' || (g % 90),
		        ($2::text[])[1 + g % 6], g * 65536, now() - (g % 200) * interval '1 hour'
		 from generate_series(1, $3) g`,
		[org.id, open, OPEN]
	);
	await db.query(
		`insert into installations (org_id, full_name, phone, addr_colonia, stage, position, stage_changed_at, cancel_reason)
		 select $1, 'Histórico ' || g, '997' || lpad(g::text, 7, '0'), 'SM ' || (g % 90),
		        case when g % 5 = 0 then 'cancelada' else 'activa' end, g * 65536,
		        now() - (g % 900) * interval '1 day', case when g % 5 = 0 then 'declino' end
		 from generate_series(1, $2) g`,
		[org.id, CLOSED]
	);
	const { token } = await createSession(db.orm, admin);
	// The movers are ten different coordinators, as ten people at ten screens would be.
	const coordinators = await db.query<{ id: string }>(
		`insert into users (org_id, email, name, role, password_hash)
		 select $1, 'coordinacion' || g || '-' || $2 || '@bench.mx', 'Coordinación ' || g, 'coordinator', 'sin-contraseña'
		 from generate_series(1, $3) g returning id`,
		[org.id, Date.now(), MOVERS]
	);
	const moverCookies: string[] = [];
	for (const c of coordinators) moverCookies.push(`session=${(await createSession(db.orm, { id: c.id, orgId: org.id })).token}`);
	return { orgId: org.id, cookie: `session=${token}`, moverCookies };
}

function socketTo(url: string, cookie: string): Promise<Socket> {
	return new Promise((resolve, reject) => {
		const s = connect(url, {
			path: '/socket.io',
			transports: ['websocket'],
			extraHeaders: { cookie, origin: url },
			reconnection: false,
			forceNew: true
		});
		s.once('connect', () => resolve(s));
		s.once('connect_error', reject);
	});
}

/** 60 requests one after another (the first 10 untimed), from a process of their own (see snapshot-client.mjs). */
async function snapshotLatency(server: RunningServer, cookie: string): Promise<number[]> {
	const client = fileURLToPath(new URL('./snapshot-client.mjs', import.meta.url));
	const { stdout } = await run(process.execPath, [client, `${server.url}/tablero/__data.json`, cookie, '60', '10']);
	return JSON.parse(stdout);
}

async function timeToInteractive(server: RunningServer, cookie: string) {
	const browser = await chromium.launch({
		executablePath: findChromium() ?? undefined,
		args: HEADLESS_ARGS
	});
	const times: number[] = [];
	try {
		for (let i = 0; i < 6; i++) {
			const context = await browser.newContext({ locale: 'es-MX' });
			await context.addCookies([{ name: 'session', value: cookie.split('=')[1], url: server.url }]);
			const page = await context.newPage();
			const t0 = performance.now();
			await page.goto(`${server.url}/tablero`);
			// Interactive = hydrated (move menus work) and the live feed connected.
			await page.waitForSelector('[data-card-id]');
			await page.waitForSelector('.conn-en_vivo', { timeout: 30000 });
			if (i > 0) times.push(performance.now() - t0);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return times;
}

/** Resolves once every client got a `cards:changed` frame holding an event of `cardId`. */
function allReceived(clients: Socket[], cardId: string, onFrame?: (events: { cardId: string }[]) => void): Promise<void> {
	return Promise.all(
		clients.map(
			(c) =>
				new Promise<void>((resolve) => {
					const h = (events: { cardId: string }[]) => {
						if (!events.some((e) => e.cardId === cardId)) return;
						onFrame?.(events);
						c.off('cards:changed', h);
						resolve();
					};
					c.on('cards:changed', h);
				})
		)
	).then(() => {});
}

async function fanout(server: RunningServer, cookie: string, orgDb: { cards: string[] }) {
	// The mover has the board open, as anyone who drags a card has (a partial run skips the
	// snapshot part that would otherwise have loaded it).
	const board = await fetch(`${server.url}/tablero/__data.json`, { headers: { cookie } });
	if (!board.ok) throw new Error(`snapshot ${board.status}`);
	await board.arrayBuffer();
	const clients: Socket[] = [];
	for (let i = 0; i < CLIENTS; i++) clients.push(await socketTo(server.url, cookie));
	const mover = await socketTo(server.url, cookie);
	// The floor: a bare socket.io server broadcasting the very frame the clients received (same
	// bytes, same parsing on arrival) to as many clients, each waiting for it the same way.
	const http = createServer();
	const raw = new Server(http);
	await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
	const rawUrl = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
	const rawClients = await Promise.all(
		Array.from(
			{ length: CLIENTS },
			() =>
				new Promise<Socket>((r) => {
					const s = connect(rawUrl, { transports: ['websocket'], forceNew: true, reconnection: false });
					s.once('connect', () => r(s));
				})
		)
	);
	let frame: { cardId: string }[] | null = null;
	const move = async (i: number) => {
		const cardId = orgDb.cards[i % orgDb.cards.length];
		const t0 = performance.now();
		const all = allReceived(clients, cardId, (events) => (frame ??= events));
		const ack = await mover.timeout(10000).emitWithAck('card:move', { cardId, toStage: 'preinstalacion', version: 1 });
		if (!ack.ok) throw new Error(`move refused: ${ack.message}`);
		await all;
		return performance.now() - t0;
	};
	const broadcast = async () => {
		const t0 = performance.now();
		const all = allReceived(rawClients, frame![0].cardId);
		raw.emit('cards:changed', frame);
		await all;
		return performance.now() - t0;
	};
	// One move, then one raw broadcast, in turn: the machine's speed drifts from minute to minute,
	// and both sides should see the same minutes.
	const latencies: number[] = [];
	const floor: number[] = [];
	for (let i = 0; i < FANOUT_WARMUP + FANOUT_SAMPLES; i++) {
		const moved = await move(i);
		const bare = await broadcast();
		if (i >= FANOUT_WARMUP) {
			latencies.push(moved);
			floor.push(bare);
		}
	}
	for (const c of [...clients, mover, ...rawClients]) c.disconnect();
	void raw.close();
	http.close();
	return { latencies, floor, payloadBytes: JSON.stringify(frame).length };
}

async function sustainedMoves(server: RunningServer, cookies: string[], cards: string[]) {
	const movers = await Promise.all(cookies.map((cookie) => socketTo(server.url, cookie)));
	const stages = ['preinstalacion', 'cobertura_confirmada'];
	let done = 0;
	const lastAcked = new Map<string, string>();
	const deadline = Date.now() + MOVE_SECONDS * 1000;
	await Promise.all(
		movers.map(async (m, w) => {
			const mine = cards.filter((_, i) => i % MOVERS === w);
			for (let i = 0; Date.now() < deadline; i++) {
				const cardId = mine[i % mine.length];
				const toStage = stages[(i + w) % 2];
				const anchor = mine[(i * 7 + 3) % mine.length];
				const ack = await m.timeout(10000).emitWithAck('card:move', {
					cardId,
					toStage,
					version: 1,
					overrideReason: 'benchmark de movimientos',
					...(anchor !== cardId ? { beforeId: anchor } : {})
				});
				if (!ack.ok) throw new Error(`move refused: ${ack.message} ${ack.reasons?.join(' ')}`);
				lastAcked.set(cardId, toStage);
				done++;
			}
		})
	);
	for (const m of movers) m.disconnect();
	return { movesPerSecond: done / MOVE_SECONDS, total: done, lastAcked };
}

async function verify(query: Database['query'], orgId: string, lastAcked: Map<string, string>) {
	const dup = await query<{ n: number }>(
		`select count(*)::int as n from (select stage, position from installations where org_id = $1 group by stage, position having count(*) > 1) d`,
		[orgId]
	);
	const rows = await query<{ id: string; stage: string }>(`select id, stage from installations where id = any($1::uuid[])`, [
		[...lastAcked.keys()]
	]);
	const lost = rows.filter((r) => lastAcked.get(r.id) !== r.stage).length;
	return { duplicatedPositions: dup[0].n, lostMoves: lost };
}

async function runDriver(driver: 'pglite' | 'postgres'): Promise<Row[]> {
	let env: Record<string, string>;
	let cleanup: () => Promise<void>;
	let db: Database;
	let adminSql: postgres.Sql | undefined;
	if (driver === 'pglite') {
		const dir = mkdtempSync(join(tmpdir(), 'bench-board-'));
		db = await openDatabase({ dataDir: join(dir, 'pglite') });
		env = { DATA_DIR: dir };
		cleanup = async () => rmSync(dir, { recursive: true, force: true });
	} else {
		adminSql = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
		const name = `bench_${Date.now().toString(36)}`;
		await adminSql.unsafe(`create database ${name}`);
		const url = new URL(process.env.TEST_DATABASE_URL!);
		url.pathname = `/${name}`;
		db = await openDatabase({ url: url.toString() });
		env = { DATABASE_URL: url.toString() };
		cleanup = async () => {
			await adminSql!.unsafe(`drop database if exists ${name} with (force)`);
			await adminSql!.end();
		};
	}
	await migrate(db);
	const { orgId, cookie, moverCookies } = await seed(db);
	const cards = (
		await db.query<{ id: string }>(
			`select id from installations where org_id = $1 and stage = 'preinstalacion' order by position limit 400`,
			[orgId]
		)
	).map((r) => r.id);
	if (driver === 'pglite') await db.close();
	const server = await startServer({ ...env, ...UNLIMITED_SOCKETS });
	const rows: Row[] = [];
	try {
		if (PARTS.has('snapshot')) {
			console.log(`[${driver}] snapshot…`);
			const snap = await snapshotLatency(server, cookie);
			rows.push({
				driver,
				metric: `snapshot /tablero (${OPEN} open + ${CLOSED} closed cards)`,
				p50: pct(snap, 50),
				p95: pct(snap, 95),
				goal: 'p95 ≤ 50 ms'
			});
		}
		if (driver === 'pglite' && PARTS.has('tti')) {
			console.log(`[${driver}] time to interactive…`);
			const tti = await timeToInteractive(server, cookie);
			rows.push({
				driver,
				metric: 'navigation → interactive board (headless Chromium)',
				p50: pct(tti, 50),
				p95: pct(tti, 95),
				goal: '≤ 1500 ms'
			});
		}
		if (driver === 'pglite' && PARTS.has('fanout')) {
			console.log(`[${driver}] fan-out to ${CLIENTS} sockets…`);
			const f = await fanout(server, cookie, { cards });
			rows.push({
				driver,
				metric: `move fan-out to ${CLIENTS} sockets (${f.payloadBytes} B)`,
				p50: pct(f.latencies, 50),
				p95: pct(f.latencies, 95),
				p99: pct(f.latencies, 99),
				goal: 'p95 ≤ 1.5 × floor'
			});
			rows.push({
				driver,
				metric: `raw socket.io broadcast floor, same frame, ${CLIENTS} sockets`,
				p50: pct(f.floor, 50),
				p95: pct(f.floor, 95),
				p99: pct(f.floor, 99)
			});
		}
		if (PARTS.has('moves')) {
			console.log(`[${driver}] sustained moves…`);
			const s = await sustainedMoves(server, moverCookies, cards);
			await server.stop();
			const check = driver === 'pglite' ? await openDatabase({ dataDir: join(env.DATA_DIR, 'pglite') }) : db;
			const v = await verify(check.query.bind(check), orgId, s.lastAcked);
			await check.close();
			rows.push({
				driver,
				metric: `sustained moves/s, ${MOVERS} concurrent movers, ${MOVE_SECONDS} s (${s.total} moves)`,
				value: `${s.movesPerSecond.toFixed(0)}/s · lost ${v.lostMoves} · duplicated positions ${v.duplicatedPositions}`,
				goal: '≥ 500/s'
			});
		} else if (driver === 'postgres') await db.close();
	} finally {
		await server.stop();
		await cleanup();
	}
	return rows;
}

if (!hasBuild()) {
	console.error('Primero compila: npm run build');
	process.exit(1);
}
// BENCH_DRIVERS=postgres runs only that driver (both by default; PostgreSQL when TEST_DATABASE_URL is set).
const DRIVERS = new Set((process.env.BENCH_DRIVERS ?? 'pglite,postgres').split(','));
const rows: Row[] = [];
if (DRIVERS.has('pglite')) rows.push(...(await runDriver('pglite')));
if (process.env.TEST_DATABASE_URL && DRIVERS.has('postgres')) rows.push(...(await runDriver('postgres')));
console.table(rows);
// Partial runs are for development; only a whole run is recorded.
if (!process.env.BENCH_PARTS && !process.env.BENCH_DRIVERS) appendResults('Board (`npm run bench:board`)', rows, machine());
process.exit(0);
