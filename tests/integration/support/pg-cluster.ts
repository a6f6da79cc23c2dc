import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './server';

const run = promisify(execFile);

/** The machine's PostgreSQL binaries (Debian's layout); PG_BIN overrides. */
export const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const runAs = process.env.PG_CLUSTER_USER ?? 'postgres';
const isRoot = process.getuid?.() === 0;

/** Why a private cluster can't be started here, or null when it can. */
export function clusterUnavailable(): string | null {
	if (!existsSync(join(pgBin, 'initdb')) || !existsSync(join(pgBin, 'pg_ctl'))) return `no están initdb/pg_ctl en ${pgBin} (define PG_BIN)`;
	if (isRoot && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser'))
		return 'como root hace falta runuser para correr PostgreSQL con otro usuario';
	return null;
}

/**
 * A PostgreSQL of the test's own, in a temporary directory on a free port, so a test can kill it
 * for real (pg_terminate_backend, `pg_ctl stop -m immediate`) without touching anyone else's.
 * PostgreSQL refuses to run as root: then it runs as PG_CLUSTER_USER (default `postgres`).
 */
export class PgCluster {
	readonly dir = mkdtempSync(join(tmpdir(), 'tablero-pg-'));
	readonly data = join(this.dir, 'data');
	port = 0;

	get url(): string {
		return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
	}

	urlFor(database: string): string {
		return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
	}

	async #pg(bin: string, args: string[]): Promise<string> {
		const cmd = isRoot ? 'runuser' : join(pgBin, bin);
		const argv = isRoot ? ['-u', runAs, '--', join(pgBin, bin), ...args] : args;
		const { stdout } = await run(cmd, argv, { timeout: 120_000 });
		return stdout;
	}

	async init(): Promise<void> {
		if (isRoot) {
			const { stdout } = await run('id', ['-u', runAs]);
			const { stdout: gid } = await run('id', ['-g', runAs]);
			chownSync(this.dir, Number(stdout.trim()), Number(gid.trim()));
		}
		this.port = await freePort();
		await this.#pg('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
		await this.start();
	}

	async start(): Promise<void> {
		const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=16MB`;
		await this.#pg('pg_ctl', ['start', '-w', '-t', '60', '-D', this.data, '-l', join(this.dir, 'server.log'), '-o', opts]);
	}

	/** Like a crash or a power cut: no shutdown checkpoint, every connection cut. */
	async stopImmediate(): Promise<void> {
		await this.#pg('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', this.data]);
	}

	/** One short-lived connection (node-postgres: this test's own driver is not the one under test). */
	async query<T extends pg.QueryResultRow = Record<string, unknown>>(
		text: string,
		params: unknown[] = [],
		database = 'postgres'
	): Promise<T[]> {
		const client = new pg.Client({ connectionString: this.urlFor(database) });
		client.on('error', () => {});
		await client.connect();
		try {
			return (await client.query<T>(text, params)).rows;
		} finally {
			await client.end().catch(() => {});
		}
	}

	async destroy(): Promise<void> {
		await this.#pg('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', this.data]).catch(() => {});
		rmSync(this.dir, { recursive: true, force: true });
	}
}
