import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export type Row = { driver?: string; metric: string; p50?: number; p95?: number; p99?: number; value?: string; goal?: string };

export function pct(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}

export function machine(): string {
	return `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
}

const FILE = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');

/** Replaces (or adds) this benchmark's section in docs/benchmarks.md. */
export function appendResults(title: string, rows: Row[], machineLine: string) {
	const date = new Date().toISOString().slice(0, 10);
	const ms = (v?: number) => (v === undefined ? '' : `${v} ms`);
	const table = [
		'| driver | metric | p50 | p95 | p99 | value | goal |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...rows.map(
			(r) => `| ${r.driver ?? ''} | ${r.metric} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.value ?? ''} | ${r.goal ?? ''} |`
		)
	].join('\n');
	const section = `## ${title}\n\nMeasured ${date} on ${machineLine}.\n\n${table}\n`;
	let doc = existsSync(FILE)
		? readFileSync(FILE, 'utf8')
		: '# Benchmarks\n\nFigures come from the `npm run bench:*` scripts; each run rewrites its own section.\n';
	const start = doc.indexOf(`## ${title}`);
	if (start >= 0) {
		const next = doc.indexOf('\n## ', start + 1);
		doc = doc.slice(0, start) + section + (next >= 0 ? `\n${doc.slice(next + 1)}` : '');
	} else {
		doc = `${doc.trimEnd()}\n\n${section}`;
	}
	writeFileSync(FILE, doc);
}

/**
 * A benchmark drives hundreds of sockets and thousands of moves from one address, which the
 * per-socket and per-address limits (sized for people) would refuse: lift them for the run.
 */
export const UNLIMITED_SOCKETS = {
	SOCKET_EVENTS_PER_SOCKET: '1000000',
	SOCKET_EVENTS_PER_IP: '10000000',
	SOCKET_CONNECTIONS_PER_IP: '100000'
};
