// npm run bench:load — 200 connected board clients + 20 agents editing and moving cards for
// BENCH_MINUTES (default 5) on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL as admin URL).
// Checks zero lost updates against the database and the event log; reports mutation round-trip,
// fan-out and server memory.
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import { openDatabase } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';
import { createOrganization } from '../../src/lib/server/services/organizations';
import { createUser } from '../../src/lib/server/services/users';
import { createSession } from '../../src/lib/server/auth';
import { seedDemo } from '../../src/lib/server/services/demo';
import { startServer, hasBuild } from '../integration/support/server';
import { appendResults, machine, pct, UNLIMITED_SOCKETS, type Row } from './report';

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const MINUTES = Number(process.env.BENCH_MINUTES ?? 5);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const AGENTS = 20;
if (!adminUrl || !hasBuild()) {
	console.error('Necesita TEST_DATABASE_URL (PostgreSQL) y la app compilada (npm run build).');
	process.exit(1);
}

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const name = `bench_load_${Date.now().toString(36)}`;
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const db = await openDatabase({ url: url.toString() });
await migrate(db);
const { org, admin: owner } = await createOrganization(db, {
	orgName: 'Carga',
	timeZone: 'America/Cancun',
	adminName: 'Admin Carga',
	email: `carga-${Date.now()}@bench.mx`,
	password: 'contraseña-carga-1'
});
const ownerUser = { ...owner, orgId: org.id, orgName: org.name, timeZone: org.timeZone, role: 'admin' as const, locale: 'es', color: null };
await seedDemo(db, org.id);
// Enough cards that agents rarely touch the same one; each agent owns a slice.
await db.query(
	`insert into installations (org_id, full_name, phone, stage, position)
	 select $1, 'Carga ' || g, '996' || lpad(g::text, 7, '0'), 'preinstalacion', 1e9 + g * 65536 from generate_series(1, 400) g`,
	[org.id]
);
const cards = (await db.query<{ id: string }>(`select id from installations where org_id = $1 and full_name like 'Carga %'`, [org.id])).map(
	(r) => r.id
);
const cookies: string[] = [];
for (let i = 0; i < AGENTS; i++) {
	const u = await createUser(db, ownerUser, {
		name: `Agente ${i}`,
		email: `agente${i}-${Date.now()}@bench.mx`,
		role: 'coordinator',
		password: 'contraseña-carga-1'
	});
	cookies.push(`session=${(await createSession(db.orm, { id: u.id, orgId: org.id })).token}`);
}
const viewerCookie = `session=${(await createSession(db.orm, { id: owner.id, orgId: org.id })).token}`;

const server = await startServer({ DATABASE_URL: url.toString(), ...UNLIMITED_SOCKETS });
const socketTo = (cookie: string) =>
	new Promise<Socket>((resolve, reject) => {
		const s = connect(server.url, {
			path: '/socket.io',
			transports: ['websocket'],
			extraHeaders: { cookie, origin: server.url },
			forceNew: true
		});
		s.once('connect', () => resolve(s));
		s.once('connect_error', reject);
	});
const viewers: Socket[] = [];
for (let i = 0; i < CLIENTS; i++) viewers.push(await socketTo(viewerCookie));
// Fan-out: when each viewer saw each seq.
const sentAt = new Map<number, number>();
const fanout: number[] = [];
const seen = new Map<number, number>();
for (const v of viewers) {
	v.on('cards:changed', (events: { seq: number }[]) => {
		for (const e of events) {
			const n = (seen.get(e.seq) ?? 0) + 1;
			seen.set(e.seq, n);
			if (n === CLIENTS && sentAt.has(e.seq)) {
				fanout.push(performance.now() - sentAt.get(e.seq)!);
				sentAt.delete(e.seq);
				seen.delete(e.seq);
			}
		}
	});
}

const roundTrip: number[] = [];
const expectedComment = new Map<string, string>();
const expectedStage = new Map<string, string>();
let mutations = 0;
let errors = 0;
const memory: number[] = [rss(server.child.pid!)];
const memTimer = setInterval(() => memory.push(rss(server.child.pid!)), 15_000);
const deadline = Date.now() + MINUTES * 60_000;
console.log(`${CLIENTS} clientes conectados; ${AGENTS} agentes durante ${MINUTES} min…`);

await Promise.all(
	cookies.map(async (cookie, a) => {
		const mover = await socketTo(cookie);
		const mine = cards.filter((_, i) => i % AGENTS === a);
		for (let i = 0; Date.now() < deadline; i++) {
			const cardId = mine[i % mine.length];
			const t0 = performance.now();
			if (i % 2 === 0) {
				const value = `nota ${a}-${i}`;
				const res = await fetch(`${server.url}/api/instalaciones/${cardId}/campo`, {
					method: 'PATCH',
					headers: { cookie, origin: server.url, 'content-type': 'application/json' },
					body: JSON.stringify({ field: 'comments', value, baseValue: expectedComment.get(cardId) ?? '', force: false })
				});
				if (res.ok) expectedComment.set(cardId, value);
				else errors++;
			} else {
				const toStage = expectedStage.get(cardId) === 'cobertura_confirmada' ? 'preinstalacion' : 'cobertura_confirmada';
				const ack = await mover.timeout(10000).emitWithAck('card:move', { cardId, toStage, version: 1, overrideReason: 'prueba de carga' });
				if (ack.ok) {
					expectedStage.set(cardId, toStage);
					sentAt.set(ack.seq, t0);
				} else errors++;
			}
			roundTrip.push(performance.now() - t0);
			mutations++;
		}
		mover.disconnect();
	})
);
clearInterval(memTimer);
memory.push(rss(server.child.pid!));
await new Promise((r) => setTimeout(r, 2000));
for (const v of viewers) v.disconnect();
await server.stop();

let lost = 0;
const rows = await db.query<{ id: string; comments: string | null; stage: string }>(
	`select id, comments, stage from installations where id = any($1::uuid[])`,
	[cards]
);
for (const r of rows) {
	if (expectedComment.has(r.id) && expectedComment.get(r.id) !== r.comments) lost++;
	if (expectedStage.has(r.id) && expectedStage.get(r.id) !== r.stage) lost++;
}
const [ev] = await db.query<{ n: number }>(
	`select count(*)::int as n from board_events where org_id = $1 and card_id = any($2::uuid[]) and actor_id is not null`,
	[org.id, cards]
);
await db.close();
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.end();

const result: Row[] = [
	{
		driver: 'postgres',
		metric: `mutation round-trip (${mutations} edits+moves, ${errors} refused)`,
		p50: pct(roundTrip, 50),
		p95: pct(roundTrip, 95),
		p99: pct(roundTrip, 99)
	},
	{
		driver: 'postgres',
		metric: `fan-out of a move to all ${CLIENTS} clients`,
		p50: pct(fanout, 50),
		p95: pct(fanout, 95),
		p99: pct(fanout, 99)
	},
	{
		driver: 'postgres',
		metric: 'lost updates (final state vs acknowledged writes)',
		value: `${lost}; events with actor ${ev.n} ≥ acknowledged ${mutations - errors}`
	},
	{
		driver: 'postgres',
		metric: 'server RSS start → end (MiB)',
		value: `${memory[0].toFixed(0)} → ${memory.at(-1)!.toFixed(0)} (max ${Math.max(...memory).toFixed(0)}); every 15 s: ${memory.map((m) => m.toFixed(0)).join(', ')}`
	}
];
console.table(result);
appendResults(`Load (\`npm run bench:load\`, ${MINUTES} min)`, result, machine());
process.exit(lost ? 1 : 0);
