/**
 * The data half of a backup: every table as plain SQL (one INSERT … json_populate_recordset per
 * chunk, runnable with psql too), and loading it back. The schema itself comes from the migrations.
 */
import { randomBytes } from 'node:crypto';
import type { Database, RawRunner } from './client';

/** Tables that are delivery buffers or bookkeeping, not data. */
const SKIP = new Set(['schema_migrations', 'socket_io_attachments', 'board_events', 'sessions']);
const CHUNK = 500;

interface TableInfo {
	name: string;
	deps: string[];
	selfRefs: string[];
}

async function tables(db: RawRunner): Promise<TableInfo[]> {
	const rows = await db.query<{ name: string; deps: string[] | null; self_refs: string[] | null }>(`
		select c.relname as name,
			array_remove(array_agg(distinct case when r.oid <> c.oid then r.relname end), null) as deps,
			array_remove(array_agg(distinct case when r.oid = c.oid then a.attname end), null) as self_refs
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
		left join pg_constraint k on k.conrelid = c.oid and k.contype = 'f'
		left join pg_class r on r.oid = k.confrelid
		left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
		where c.relkind = 'r'
		group by c.relname`);
	const all = rows.filter((r) => !SKIP.has(r.name)).map((r) => ({ name: r.name, deps: r.deps ?? [], selfRefs: r.self_refs ?? [] }));
	// Parents before children, so foreign keys hold while restoring.
	const ordered: TableInfo[] = [];
	const done = new Set<string>();
	while (ordered.length < all.length) {
		const next = all.filter((t) => !done.has(t.name) && t.deps.every((d) => done.has(d) || SKIP.has(d) || !all.some((x) => x.name === d)));
		if (!next.length) throw new Error('Dependencias circulares entre tablas: no se puede ordenar el respaldo.');
		for (const t of next.sort((a, b) => a.name.localeCompare(b.name))) {
			ordered.push(t);
			done.add(t.name);
		}
	}
	return ordered;
}

/**
 * One consistent snapshot of every table (repeatable read on PostgreSQL; PGlite has one
 * connection): the statements to write and the row count of each table.
 */
export async function dump(db: Database): Promise<{ statements: string[]; counts: Record<string, number> }> {
	const tag = `$d${randomBytes(6).toString('hex')}$`;
	const out: string[] = [];
	const counts: Record<string, number> = {};
	await db.begin(async (tx) => {
		if (db.driver === 'postgres') await tx.query('set transaction isolation level repeatable read');
		for (const t of await tables(tx)) {
			const rows = await tx.query<Record<string, unknown>>(`select * from "${t.name}"`);
			counts[t.name] = rows.length;
			for (let i = 0; i < rows.length; i += CHUNK) {
				const json = JSON.stringify(rows.slice(i, i + CHUNK));
				if (json.includes(tag)) throw new Error('Colisión de delimitador en el respaldo; vuelve a intentarlo.');
				out.push(`insert into "${t.name}" select * from json_populate_recordset(null::"${t.name}", ${tag}${json}${tag});`);
			}
		}
	});
	return { statements: out, counts };
}

export async function organizationCount(db: RawRunner): Promise<number> {
	const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from organizations');
	return n;
}

/**
 * Loads a dump into an empty, migrated database with triggers off (no board events, versions
 * kept), then moves sequences and folio counters past the data.
 */
export async function load(db: Database, sql: string): Promise<void> {
	await db.begin(async (tx) => {
		const list = await tables(tx);
		for (const t of list) await tx.exec(`alter table "${t.name}" disable trigger user`);
		// Self-references (e.g. a file superseded by a newer one) are filled in after all rows exist.
		const deferred = list.filter((t) => t.selfRefs.length);
		for (const statement of sql.split('\n')) {
			if (!statement.startsWith('insert into')) continue;
			const table = /^insert into "([^"]+)"/.exec(statement)![1];
			const info = deferred.find((t) => t.name === table);
			if (!info) {
				await tx.exec(statement);
				continue;
			}
			const cols = (
				await tx.query<{ column_name: string }>(
					`select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
					[table]
				)
			).map((c) => c.column_name);
			const select = cols.map((c) => (info.selfRefs.includes(c) ? `null` : `"${c}"`)).join(', ');
			const src = statement.replace(/^insert into "[^"]+" select \* from /, '').replace(/;$/, '');
			await tx.exec(`insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) select ${select} from ${src} as r`);
			for (const col of info.selfRefs) {
				await tx.exec(`update "${table}" t set "${col}" = r."${col}" from ${src} as r where t.id = r.id and r."${col}" is not null`);
			}
		}
		for (const t of list) await tx.exec(`alter table "${t.name}" enable trigger user`);
		const seqs = await tx.query<{ tbl: string; col: string; seq: string }>(`
			select c.table_name as tbl, c.column_name as col, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
			from information_schema.columns c
			where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`);
		for (const s of seqs) {
			await tx.query(`select setval($1, greatest((select coalesce(max("${s.col}"), 0) from "${s.tbl}"), 1))`, [s.seq]);
		}
		// Folio counters are data (a deleted card's folio is never handed out again), but a backup
		// from before they existed, or edited by hand, may lack them: never below the cards' folios.
		await tx.exec(`insert into folio_counters (org_id, last_folio)
			select org_id, max(folio) from installations group by org_id
			on conflict (org_id) do update set last_folio = greatest(folio_counters.last_folio, excluded.last_folio)`);
	});
}
