import type { Catalog, ColumnRow, TableRow } from './pg-catalog';

/**
 * Writes the declarative schema (supabase/schemas/*.sql, Supabase's layout) from a catalog: one file
 * per table (its columns, constraints, indexes, triggers, RLS and policies), function, view, type or
 * free-standing sequence. Files are applied in name order, so the prefix carries the dependencies:
 * 00 types, 01 sequences, 02 functions (before the tables, whose triggers name them; their bodies and
 * declared row types aren't checked at creation, as in pg_dump's output), 10–19 tables by
 * foreign-key depth, 30 views.
 */

const HEADER =
	'-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.\n' +
	'-- Change the schema with a new migration and run it again; a test compares both.\n';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

function serialType(col: ColumnRow): string | null {
	const expected = `public.${col.table}_${col.name}_seq`;
	if (!col.serial_seq || col.serial_seq !== expected || col.identity) return null;
	if (col.default !== `nextval('${expected}'::regclass)`) return null;
	return { bigint: 'bigserial', integer: 'serial', smallint: 'smallserial' }[col.type] ?? null;
}

function column(col: ColumnRow): string {
	const serial = serialType(col);
	let out = `\t${col.ident} ${serial ?? col.type}`;
	if (col.identity) out += ` generated ${col.identity === 'a' ? 'always' : 'by default'} as identity`;
	else if (col.generated === 's') out += ` generated always as (${col.default}) stored`;
	else if (col.default !== null && !serial) out += ` default ${col.default}`;
	if (col.not_null) out += ' not null';
	return out;
}

/** Foreign-key depth of each table: 0 references nothing, n references tables of depth < n. */
function depths(c: Catalog): Map<string, number> {
	const refs = new Map(c.tables.map((t) => [t.name, new Set<string>()]));
	for (const k of c.constraints) if (k.type === 'f' && k.references && k.references !== k.table) refs.get(k.table)?.add(k.references);
	const depth = new Map<string, number>();
	const visit = (name: string, seen: string[]): number => {
		if (depth.has(name)) return depth.get(name)!;
		if (seen.includes(name)) throw new Error(`Foreign keys form a cycle: ${[...seen, name].join(' → ')}`);
		const d = Math.max(-1, ...[...(refs.get(name) ?? [])].map((r) => visit(r, [...seen, name]))) + 1;
		depth.set(name, d);
		return d;
	};
	for (const t of c.tables) visit(t.name, []);
	return depth;
}

function table(c: Catalog, t: TableRow, ownedSequences: string[]): string {
	const cols = c.columns.filter((col) => col.table === t.name);
	const constraints = c.constraints.filter((k) => k.table === t.name && k.type !== 'n');
	const body = [...cols.map(column), ...constraints.map((k) => `\tconstraint ${k.name} ${k.def}`)];
	const out = [`create table public.${t.ident} (\n${body.join(',\n')}\n);`];
	if (t.comment !== null) out.push(`comment on table public.${t.ident} is ${literal(t.comment)};`);
	for (const col of cols)
		if (col.comment !== null) out.push(`comment on column public.${t.ident}.${col.ident} is ${literal(col.comment)};`);
	out.push(...ownedSequences);
	const extra: string[] = [];
	for (const i of c.indexes) if (i.table === t.name && !i.for_constraint) extra.push(`${i.def};`);
	for (const tr of c.triggers.filter((x) => x.table === t.name)) {
		extra.push(`${tr.def};`);
		if (tr.enabled !== 'O') {
			const mode = { D: 'disable', R: 'enable replica', A: 'enable always' }[tr.enabled];
			extra.push(`alter table public.${t.ident} ${mode} trigger ${tr.name};`);
		}
	}
	if (t.rls) extra.push(`alter table public.${t.ident} enable row level security;`);
	if (t.force_rls) extra.push(`alter table public.${t.ident} force row level security;`);
	for (const p of c.policies.filter((x) => x.table === t.name)) {
		let s = `create policy "${p.name.replace(/"/g, '""')}" on public.${t.ident} as ${p.permissive.toLowerCase()} for ${p.cmd.toLowerCase()} to ${p.roles.join(', ')}`;
		if (p.qual !== null) s += ` using (${p.qual})`;
		if (p.with_check !== null) s += ` with check (${p.with_check})`;
		extra.push(`${s};`);
	}
	return [out.join('\n'), extra.join('\n')].filter(Boolean).join('\n\n');
}

export function render(c: Catalog): Map<string, string> {
	const files = new Map<string, string>();
	const add = (name: string, sql: string) => files.set(`${name}.sql`, `${HEADER}\n${sql.trim()}\n`);

	for (const t of c.types) {
		add(
			`00_type_${t.name}`,
			t.kind === 'e' ? `create type public.${t.name} as enum (${t.def});` : `create domain public.${t.name} as ${t.def};`
		);
	}
	const serials = new Set(c.columns.filter((col) => serialType(col) || col.identity).map((col) => `${col.table}.${col.name}`));
	const owned = new Map<string, string[]>();
	for (const s of c.sequences) {
		if (s.owned_by && serials.has(s.owned_by)) continue;
		const cycle = s.cycle ? 'cycle' : 'no cycle';
		add(
			`01_sequence_${s.name}`,
			`create sequence public.${s.name} as ${s.type} increment by ${s.increment} minvalue ${s.min} maxvalue ${s.max} start with ${s.start} cache ${s.cache} ${cycle};`
		);
		if (s.owned_by) {
			const [tbl] = s.owned_by.split('.');
			owned.set(tbl, [...(owned.get(tbl) ?? []), `alter sequence public.${s.name} owned by public.${s.owned_by};`]);
		}
	}
	const byName = new Map<string, typeof c.functions>();
	for (const f of c.functions) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
	for (const [name, overloads] of byName) {
		const parts = overloads.map((f) => {
			const comment = f.comment === null ? '' : `\ncomment on function public.${f.name}(${f.args}) is ${literal(f.comment)};`;
			return `${f.def.trim()};${comment}`;
		});
		add(`02_function_${name}`, `set check_function_bodies = off;\n\n${parts.join('\n\n')}`);
	}
	const depth = depths(c);
	for (const t of c.tables) add(`${10 + Math.min(depth.get(t.name)!, 9)}_table_${t.name}`, table(c, t, owned.get(t.name) ?? []));
	for (const v of c.views) {
		const kind = v.kind === 'm' ? 'materialized view' : 'view';
		add(`30_view_${v.name}`, `create ${kind} public.${v.name} as\n${v.def.trim().replace(/;$/, '')};`);
	}
	return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
