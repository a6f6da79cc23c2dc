// Real PostgreSQL faults under a running server, on a PostgreSQL this test starts itself (so it
// can kill it): backends terminated during bursts of edits and moves, the server stopped with
// `pg_ctl stop -m immediate` and started again, the LISTEN connection killed. After each one the
// server is up, /healthz answers 200 within 10 s, every write answered 2xx is in the database, an
// open board catches up by seq to the database's state, and a write while the database is away
// gets the Spanish 503. Figures go to docs/reliability.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { hasBuild, postAction, sessionCookie, startServer, type RunningServer } from './support/server';
import { emitAck, waitForCard, type TestSocket } from './support/realtime';
import { clusterUnavailable, PgCluster } from './support/pg-cluster';
import type { BoardCard, CardEvent } from '$lib/types/board';

const unavailable = clusterUnavailable() ?? (hasBuild() ? null : 'falta el build (npm run build)');
const OUTAGE = /base de datos no responde/;
const DB = 'tablero_faults';

interface Ack {
	cardId: string;
	kind: 'edit' | 'move';
	value?: string;
	version: number;
}

describe.skipIf(!!unavailable)(`PostgreSQL faults under a running server${unavailable ? ` (omitido: ${unavailable})` : ''}`, () => {
	const cluster = new PgCluster();
	const dataDir = mkdtempSync(join(tmpdir(), 'tablero-faults-'));
	let server: RunningServer;
	let cookie: string;
	let cards: { id: string; stage: string }[];
	let board: OpenBoard;
	const acked: Ack[] = [];
	const figures: Record<string, unknown> = {};

	beforeAll(async () => {
		await cluster.init();
		await cluster.query(`create database ${DB}`);
		server = await startServer({ DATABASE_URL: cluster.urlFor(DB), DATA_DIR: dataDir });
		const setup = await postAction(server, '/setup', {
			orgName: 'Fallas',
			timeZone: 'America/Cancun',
			adminName: 'Ana Admin',
			email: 'ana@fallas.mx',
			password: 'contraseña-fallas-1',
			passwordConfirm: 'contraseña-fallas-1',
			demo: 'on'
		});
		cookie = sessionCookie(setup.setCookie);
		cards = await cluster.query<{ id: string; stage: string }>(
			`select id, stage from installations where stage not in ('activa', 'cancelada') order by folio limit 20`,
			[],
			DB
		);
		expect(cards.length).toBeGreaterThanOrEqual(10);
		board = await OpenBoard.open(server.url, cookie);
	}, 180_000);

	afterAll(async () => {
		board?.close();
		await server?.stop('SIGKILL');
		await cluster.destroy();
		rmSync(dataDir, { recursive: true, force: true });
		console.log(`pg-faults: ${JSON.stringify(figures)}`);
	});

	/** 20 writers, one card each, alternating a field edit and a move, until stopped. */
	function burst() {
		const statuses: Record<string, number> = {};
		const unexpected: string[] = [];
		let stop = false;
		let writes = 0;
		const one = async (w: number) => {
			const card = cards[w];
			for (let i = 0; !stop; i++) {
				const edit = i % 2 === 0;
				const value = `r${writes}-w${w}-${i}`;
				writes++;
				const started = Date.now();
				try {
					const res = await fetch(`${server.url}/api/instalaciones/${card.id}/${edit ? 'campo' : 'mover'}`, {
						method: edit ? 'PATCH' : 'POST',
						headers: { cookie, origin: server.url, 'content-type': 'application/json', accept: 'application/json' },
						body: JSON.stringify(edit ? { field: 'comments', value, force: true } : { toStage: card.stage, version: 1 }),
						signal: AbortSignal.timeout(20_000)
					});
					const body = await res.json().catch(() => null);
					statuses[res.status] = (statuses[res.status] ?? 0) + 1;
					if (res.ok && edit) acked.push({ cardId: card.id, kind: 'edit', value, version: body.version });
					else if (res.ok && body?.ok) acked.push({ cardId: card.id, kind: 'move', version: body.card.version });
					else if (res.status === 503 && OUTAGE.test(body?.message ?? '')) await new Promise((r) => setTimeout(r, 100));
					else unexpected.push(`${res.status} ${JSON.stringify(body).slice(0, 200)}`);
				} catch (err) {
					unexpected.push(`${(err as Error).name} tras ${Date.now() - started} ms`);
				}
			}
		};
		const running = cards.map((_, w) => one(w));
		return {
			statuses,
			unexpected,
			async end() {
				stop = true;
				await Promise.all(running);
			}
		};
	}

	/** The checks after every fault; returns the recovery time (to /healthz 200 and an accepted write). */
	async function recovered(faultAt: number) {
		const deadline = Date.now() + 10_000;
		let health = 0;
		while (health !== 200 && Date.now() < deadline) {
			health = await fetch(`${server.url}/healthz`).then(
				(r) => r.status,
				() => 0
			);
			if (health !== 200) await new Promise((r) => setTimeout(r, 100));
		}
		expect(server.child.exitCode, server.log()).toBeNull();
		expect(health).toBe(200);
		const healthyAfter = Date.now() - faultAt;
		// A write goes through again (the outage gate probes at most once a second).
		let status = 0;
		while (status !== 200 && Date.now() < deadline + 5_000) {
			const res = await fetch(`${server.url}/api/instalaciones/${cards[0].id}/campo`, {
				method: 'PATCH',
				headers: { cookie, origin: server.url, 'content-type': 'application/json' },
				body: JSON.stringify({ field: 'comments', value: `tras-${faultAt}`, force: true })
			});
			status = res.status;
			if (status === 200) acked.push({ cardId: cards[0].id, kind: 'edit', value: `tras-${faultAt}`, version: (await res.json()).version });
			else await new Promise((r) => setTimeout(r, 200));
		}
		expect(status).toBe(200);
		return { healthyMs: healthyAfter, writableMs: Date.now() - faultAt };
	}

	async function lostWrites(): Promise<Ack[]> {
		const lost: Ack[] = [];
		for (const a of acked) {
			const rows =
				a.kind === 'edit'
					? await cluster.query(
							`select 1 from card_history where installation_id = $1 and field = 'comments' and new_value = to_jsonb($2::text)`,
							[a.cardId, a.value],
							DB
						)
					: await cluster.query(`select 1 from board_events where card_id = $1 and version = $2`, [a.cardId, a.version], DB);
			if (!rows.length) lost.push(a);
		}
		return lost;
	}

	async function expectConverged() {
		await board.catchUp();
		const rows = await cluster.query<{ id: string; version: number }>(`select id, version from installations`, [], DB);
		const db = new Map(rows.map((r) => [r.id, r.version]));
		const behind = [...board.cards.values()]
			.filter((c) => db.get(c.id) !== c.version)
			.map((c) => `${c.id}: ${c.version} ≠ ${db.get(c.id)}`);
		expect(behind).toEqual([]);
		for (const c of cards) expect(board.cards.has(c.id)).toBe(true);
	}

	function expectNoStrayErrors() {
		expect(server.log()).not.toMatch(/Excepción no capturada|Promesa rechazada sin manejar|Cannot read properties of null/);
	}

	it('10 rounds of pg_terminate_backend during bursts of edits and moves', async () => {
		const recoveries: number[] = [];
		const before = acked.length;
		for (let round = 0; round < 10; round++) {
			const b = burst();
			await new Promise((r) => setTimeout(r, 60 + round * 10));
			const faultAt = Date.now();
			await cluster.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [DB]);
			await new Promise((r) => setTimeout(r, 400));
			await b.end();
			expect(b.unexpected, `${JSON.stringify(b.statuses)}\n${server.log().slice(-4000)}`).toEqual([]);
			recoveries.push((await recovered(faultAt)).writableMs);
		}
		expect(await lostWrites()).toEqual([]);
		await expectConverged();
		expectNoStrayErrors();
		figures.terminate = { rounds: 10, acknowledged: acked.length - before, lost: 0, worstRecoveryMs: Math.max(...recoveries) };
	}, 240_000);

	it('pg_ctl stop -m immediate mid-burst, a write meanwhile gets the Spanish 503, then start again', async () => {
		const before = acked.length;
		const b = burst();
		await new Promise((r) => setTimeout(r, 300));
		await cluster.stopImmediate();
		const stoppedAt = Date.now();
		// The database is away: a write is refused quickly, in Spanish, not a hang or a 500.
		const t0 = Date.now();
		const res = await fetch(`${server.url}/api/instalaciones/${cards[1].id}/campo`, {
			method: 'PATCH',
			headers: { cookie, origin: server.url, 'content-type': 'application/json' },
			body: JSON.stringify({ field: 'comments', value: 'durante-la-caida', force: true }),
			signal: AbortSignal.timeout(20_000)
		});
		const refusedMs = Date.now() - t0;
		expect(res.status).toBe(503);
		expect((await res.json()).message).toMatch(OUTAGE);
		expect(refusedMs).toBeLessThan(10_000);
		await new Promise((r) => setTimeout(r, 1500));
		await cluster.start();
		const startedAt = Date.now();
		await b.end();
		expect(b.unexpected, `${JSON.stringify(b.statuses)}\n${server.log().slice(-4000)}`).toEqual([]);
		const recovery = await recovered(startedAt);
		expect(await lostWrites()).toEqual([]);
		await expectConverged();
		expectNoStrayErrors();
		figures.stopImmediate = {
			acknowledged: acked.length - before,
			lost: 0,
			refusedWhileDownMs: refusedMs,
			downMs: startedAt - stoppedAt,
			...recovery
		};
	}, 180_000);

	it('the LISTEN connection killed mid-burst: LISTEN comes back and the board catches up', async () => {
		const before = acked.length;
		const b = burst();
		await new Promise((r) => setTimeout(r, 300));
		const killedAt = Date.now();
		const killed = await cluster.query(
			// The app's one LISTEN connection (board_events, then notifications): its last query names either.
			`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query ~* '^listen\\s+"?(board_events|notifications)'`,
			[DB]
		);
		expect(killed.length).toBe(1);
		await new Promise((r) => setTimeout(r, 500));
		await b.end();
		expect(b.unexpected, `${JSON.stringify(b.statuses)}\n${server.log().slice(-4000)}`).toEqual([]);
		const recovery = await recovered(killedAt);
		expect(await lostWrites()).toEqual([]);
		await expectConverged();
		// LISTEN is back: a change made now reaches the open board live, without asking.
		let relistenMs = 0;
		for (let i = 0; i < 20 && !relistenMs; i++) {
			const live = waitForCard(board.socket, (e) => e.card?.fullName === `En Vivo ${i}`, 1500).then(
				() => true,
				() => false
			);
			await cluster.query(`update installations set full_name = $2 where id = $1`, [cards[2].id, `En Vivo ${i}`], DB);
			if (await live) relistenMs = Date.now() - killedAt;
		}
		expect(relistenMs).toBeGreaterThan(0);
		expectNoStrayErrors();
		figures.listenKilled = { acknowledged: acked.length - before, lost: 0, relistenMs, ...recovery };
	}, 120_000);
});

/** A board as a browser holds it: cards by id, kept current by events and by catch-up on seq. */
class OpenBoard {
	readonly cards = new Map<string, BoardCard>();
	lastSeq = 0;
	private constructor(readonly socket: TestSocket) {
		// Like the browser's board: lastSeq only moves on with contiguous events; after a gap the next
		// catch-up asks from before it.
		socket.on('cards:changed', (events) => {
			let seq = this.lastSeq;
			for (const e of events) if (e.seq === seq + 1) seq = e.seq;
			this.apply(events, seq);
		});
	}

	static async open(url: string, cookie: string): Promise<OpenBoard> {
		const socket: TestSocket = connect(url, {
			path: '/socket.io',
			transports: ['websocket'],
			extraHeaders: { cookie, origin: url },
			forceNew: true
		});
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});
		const b = new OpenBoard(socket);
		await b.catchUp();
		return b;
	}

	apply(events: CardEvent[], lastSeq: number) {
		for (const e of events) {
			const held = this.cards.get(e.cardId);
			if (held && held.version > e.version) continue;
			if (e.card) this.cards.set(e.cardId, e.card);
			else this.cards.delete(e.cardId);
		}
		this.lastSeq = lastSeq;
	}

	async catchUp() {
		for (;;) {
			const res = await emitAck(this.socket, 'board:since', { lastSeq: this.lastSeq });
			if ('error' in res) throw new Error(res.error);
			if ('snapshot' in res) {
				this.cards.clear();
				for (const c of res.snapshot.cards) this.cards.set(c.id, c);
				this.lastSeq = res.snapshot.lastSeq;
				return;
			}
			this.apply(res.events, res.lastSeq);
			if (!res.events.length) return;
		}
	}

	close() {
		this.socket.disconnect();
	}
}
