/**
 * Small helpers shared by the scheduling services for raw SQL inside a Drizzle transaction:
 * both drivers return `execute` results differently (PGlite `{ rows }`, postgres.js an array).
 */
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor as OrmExecutor, RawRunner } from './client';
import type { SessionUser } from '$lib/types/session';

/** A Drizzle handle/transaction, or the raw runner of `db.begin` (the move service uses that one). */
export type Executor = OrmExecutor | Pick<RawRunner, 'query'>;

const dialect = new PgDialect();

export async function rowsOf<T>(exec: Executor, query: SQL): Promise<T[]> {
	if ('execute' in exec && typeof exec.execute === 'function') {
		const result = (await exec.execute(query)) as unknown;
		return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
	}
	const { sql: text, params } = dialect.sqlToQuery(query);
	return (exec as RawRunner).query<T>(text, params);
}

export async function firstOf<T>(exec: Executor, query: SQL): Promise<T | null> {
	return (await rowsOf<T>(exec, query))[0] ?? null;
}

export async function run(exec: Executor, query: SQL): Promise<void> {
	await rowsOf(exec, query);
}

/** So the board_events row written by the installations trigger records who made the change. */
export async function setActor(tx: Executor, actor: Pick<SessionUser, 'id'>): Promise<void> {
	await run(tx, sql`select set_config('app.actor_id', ${actor.id}, true)`);
}

export interface LockedCard {
	id: string;
	folio: number;
	fullName: string;
	stage: string;
	zoneId: string | null;
	ip: string | null;
	phone: string | null;
	version: number;
}

/** Locks the card row for the rest of the transaction; null when it is not in the organization. */
export async function lockCard(tx: Executor, orgId: string, id: string): Promise<LockedCard | null> {
	return firstOf<LockedCard>(
		tx,
		sql`select id, folio::int as "folio", full_name as "fullName", stage, zone_id as "zoneId", host(ip) as "ip",
			phone, version from installations where org_id = ${orgId} and id = ${id} for update`
	);
}

export interface HistoryEntry {
	kind: 'field' | 'service' | 'call';
	field: string;
	oldValue: unknown;
	newValue: unknown;
	source: string;
}

export async function addHistory(tx: Executor, orgId: string, installationId: string, userId: string | null, entries: HistoryEntry[]) {
	for (const e of entries) {
		await run(
			tx,
			sql`insert into card_history (org_id, installation_id, user_id, kind, field, old_value, new_value, source)
				values (${orgId}, ${installationId}, ${userId}, ${e.kind}, ${e.field},
					${e.oldValue === undefined ? null : JSON.stringify(e.oldValue)}::jsonb,
					${e.newValue === undefined ? null : JSON.stringify(e.newValue)}::jsonb, ${e.source})`
		);
	}
}

/** The Postgres error code and constraint of a driver error, whichever driver threw it. */
export function pgError(err: unknown): { code?: string; constraint?: string } {
	const e = err as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };
	if (e?.code) return { code: e.code, constraint: e.constraint ?? e.constraint_name };
	if (e?.cause) return pgError(e.cause);
	return {};
}
