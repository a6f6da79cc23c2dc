import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { getDb, type Database } from './db';
import * as metricsDb from './db/metrics';
import { getPdfEngine, type EngineStatus } from './pdf/engine';

/**
 * The numbers /metrics shows (Prometheus text format, prom-client). Counters are counted as things
 * happen (requests, card moves); gauges are read when scraped, from the sources below, so a scrape
 * costs two small queries and nothing runs between scrapes.
 */
export interface MetricSources {
	database: () => Promise<Database>;
	/** Connected socket.io clients per namespace (set once realtime is attached). */
	sockets?: () => Record<string, number>;
	pdf: () => EngineStatus;
}

export class AppMetrics {
	readonly registry = new Registry();
	readonly #requests: Counter<'route' | 'method' | 'status'>;
	readonly #duration: Histogram<'route' | 'method' | 'status'>;
	readonly #moves: Counter;

	constructor(readonly sources: MetricSources) {
		const registers = [this.registry];
		this.#requests = new Counter({
			name: 'tablero_http_requests_total',
			help: 'HTTP requests answered, by route id (not path, so ids in addresses do not multiply series), method and status.',
			labelNames: ['route', 'method', 'status'],
			registers
		});
		this.#duration = new Histogram({
			name: 'tablero_http_request_duration_seconds',
			help: 'Time to answer an HTTP request (until the response starts), by route id, method and status.',
			labelNames: ['route', 'method', 'status'],
			buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
			registers
		});
		this.#moves = new Counter({
			name: 'tablero_card_moves_total',
			help: 'Cards moved to another stage or position (rate(...[1m]) * 60 gives moves per minute).',
			registers
		});
		const live = this.sources;
		const read = <T>(fn: (db: Database) => Promise<T>) => this.#read(fn);
		new Gauge({
			name: 'tablero_socket_clients_connected',
			help: 'socket.io clients connected to this instance, by namespace.',
			labelNames: ['namespace'],
			registers,
			collect() {
				this.reset();
				for (const [namespace, n] of Object.entries(live.sockets?.() ?? {})) this.set({ namespace }, n);
			}
		});
		new Gauge({
			name: 'tablero_outbox_pending',
			help: 'Rows waiting in an outbox: wisphub (installations to sync), whatsapp (messages queued to send).',
			labelNames: ['outbox'],
			registers,
			async collect() {
				this.reset();
				const depths = await read((db) => metricsDb.outboxDepths(db));
				if (depths) for (const [outbox, n] of Object.entries(depths)) this.set({ outbox }, n);
			}
		});
		new Gauge({
			name: 'tablero_pdf_pages',
			help: 'Chromium pages of the PDF pool, by state (busy rendering, idle); queued renders wait for a page.',
			labelNames: ['state'],
			registers,
			collect() {
				const s = live.pdf();
				this.set({ state: 'busy' }, s.busy);
				this.set({ state: 'idle' }, s.pages - s.busy);
				this.set({ state: 'queued' }, s.queued);
			}
		});
		new Gauge({
			name: 'tablero_db_connections',
			help: 'PostgreSQL: connections to this database by state (active = in use), all instances together.',
			labelNames: ['state'],
			registers,
			async collect() {
				this.reset();
				const rows = await read((db) => (db.driver === 'postgres' ? metricsDb.connectionStates(db) : Promise.resolve([])));
				for (const r of rows ?? []) this.set({ state: r.state }, r.count);
			}
		});
		new Gauge({
			name: 'tablero_db_queue_length',
			help: 'PGlite: statements waiting for its single connection in this process.',
			registers,
			async collect() {
				this.reset();
				const db = await live.database().catch(() => null);
				if (db?.driver === 'pglite' && db.queueLength) this.set(db.queueLength());
			}
		});
		collectDefaultMetrics({ register: this.registry, prefix: 'tablero_' });
	}

	observeRequest(route: string, method: string, status: number, seconds: number): void {
		const labels = { route, method, status: String(status) };
		this.#requests.inc(labels);
		this.#duration.observe(labels, seconds);
	}

	countMove(): void {
		this.#moves.inc();
	}

	/** A gauge's query; while the database is away the gauge shows no value rather than failing the scrape. */
	async #read<T>(fn: (db: Database) => Promise<T>): Promise<T | null> {
		try {
			return await fn(await this.sources.database());
		} catch {
			return null;
		}
	}
}

const KEY = Symbol.for('tablero.metrics');
type Holder = { [KEY]?: AppMetrics };

/** The process-wide metrics (the app bundle, dev hot reload and the realtime server share them). */
export function getMetrics(): AppMetrics {
	const holder = globalThis as Holder;
	return (holder[KEY] ??= new AppMetrics({ database: getDb, pdf: () => getPdfEngine().status() }));
}
