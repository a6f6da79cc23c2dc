import type { Database, RawRunner } from './client';

// What the `public` schema holds, read from the catalog: the declarative files are written from
// it (schema-files.ts) and a test compares it between "all migrations" and "the declarative files".

export interface TableRow {
	name: string;
	ident: string;
	rls: boolean;
	force_rls: boolean;
	comment: string | null;
}
export interface ColumnRow {
	table: string;
	name: string;
	ident: string;
	type: string;
	not_null: boolean;
	default: string | null;
	identity: string;
	generated: string;
	comment: string | null;
	serial_seq: string | null;
}
export interface ConstraintRow {
	table: string;
	name: string;
	type: string;
	def: string;
	references: string | null;
}
export interface IndexRow {
	table: string;
	name: string;
	def: string;
	for_constraint: boolean;
}
export interface FunctionRow {
	name: string;
	args: string;
	def: string;
	language: string;
	comment: string | null;
}
export interface TriggerRow {
	table: string;
	name: string;
	def: string;
	enabled: string;
}
export interface PolicyRow {
	table: string;
	name: string;
	permissive: string;
	roles: string[];
	cmd: string;
	qual: string | null;
	with_check: string | null;
}
export interface ViewRow {
	name: string;
	kind: string;
	def: string;
}
export interface SequenceRow {
	name: string;
	type: string;
	start: string;
	increment: string;
	min: string;
	max: string;
	cache: string;
	cycle: boolean;
	owned_by: string | null;
}
export interface TypeRow {
	name: string;
	kind: string;
	def: string;
}

export interface Catalog {
	tables: TableRow[];
	columns: ColumnRow[];
	constraints: ConstraintRow[];
	indexes: IndexRow[];
	functions: FunctionRow[];
	triggers: TriggerRow[];
	policies: PolicyRow[];
	views: ViewRow[];
	sequences: SequenceRow[];
	types: TypeRow[];
}

const PUBLIC = `join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'`;

/**
 * Read with an empty search_path, so every name the catalog prints comes schema-qualified
 * (`REFERENCES public.users(id)`, `EXECUTE FUNCTION public.f()`): the files then apply whatever
 * search_path the Supabase CLI or psql runs them with.
 */
export async function read(db: Database): Promise<Catalog> {
	return db.begin(async (tx) => {
		await tx.exec(`set local search_path = ''`);
		return readIn(tx);
	});
}

async function readIn(db: RawRunner): Promise<Catalog> {
	return {
		tables: await db.query<TableRow>(`
			select c.relname as name, quote_ident(c.relname) as ident, c.relrowsecurity as rls, c.relforcerowsecurity as force_rls,
				obj_description(c.oid, 'pg_class') as comment
			from pg_class c ${PUBLIC} where c.relkind in ('r', 'p') order by c.relname`),
		columns: await db.query<ColumnRow>(`
			select c.relname as table, a.attname as name, quote_ident(a.attname) as ident, format_type(a.atttypid, a.atttypmod) as type,
				a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as default, a.attidentity::text as identity,
				a.attgenerated::text as generated, col_description(c.oid, a.attnum) as comment,
				pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as serial_seq
			from pg_attribute a join pg_class c on c.oid = a.attrelid ${PUBLIC}
			left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
			where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
			order by c.relname, a.attnum`),
		constraints: await db.query<ConstraintRow>(`
			select c.relname as table, k.conname as name, k.contype::text as type, pg_get_constraintdef(k.oid) as def, f.relname as references
			from pg_constraint k join pg_class c on c.oid = k.conrelid ${PUBLIC}
			left join pg_class f on f.oid = k.confrelid
			order by c.relname, array_position(array['p', 'u', 'x', 'f', 'c', 'n'], k.contype::text), k.conname`),
		indexes: await db.query<IndexRow>(`
			select c.relname as table, i.relname as name, pg_get_indexdef(i.oid) as def,
				exists (select 1 from pg_constraint k where k.conindid = i.oid and k.conrelid = c.oid and k.contype in ('p', 'u', 'x')) as for_constraint
			from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid ${PUBLIC}
			order by c.relname, i.relname`),
		functions: await db.query<FunctionRow>(`
			select p.proname as name, pg_get_function_identity_arguments(p.oid) as args, pg_get_functiondef(p.oid) as def,
				l.lanname as language, obj_description(p.oid, 'pg_proc') as comment
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace and n.nspname = 'public'
			join pg_language l on l.oid = p.prolang
			where p.prokind in ('f', 'p') and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
			order by p.proname, 2`),
		triggers: await db.query<TriggerRow>(`
			select c.relname as table, t.tgname as name, pg_get_triggerdef(t.oid) as def, t.tgenabled::text as enabled
			from pg_trigger t join pg_class c on c.oid = t.tgrelid ${PUBLIC}
			where not t.tgisinternal order by c.relname, t.tgname`),
		policies: await db.query<PolicyRow>(`
			select tablename as table, policyname as name, permissive, roles::text[] as roles, cmd, qual, with_check
			from pg_policies where schemaname = 'public' order by tablename, policyname`),
		views: await db.query<ViewRow>(`
			select c.relname as name, c.relkind::text as kind, pg_get_viewdef(c.oid) as def
			from pg_class c ${PUBLIC} where c.relkind in ('v', 'm') order by c.relname`),
		sequences: await db.query<SequenceRow>(`
			select c.relname as name, format_type(s.seqtypid, null) as type, s.seqstart::text as start, s.seqincrement::text as increment,
				s.seqmin::text as min, s.seqmax::text as max, s.seqcache::text as cache, s.seqcycle as cycle,
				(select t.relname || '.' || a.attname from pg_depend d
					join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
					where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
						and d.deptype in ('a', 'i') limit 1) as owned_by
			from pg_sequence s join pg_class c on c.oid = s.seqrelid ${PUBLIC} order by c.relname`),
		types: await db.query<TypeRow>(`
			select t.typname as name, t.typtype::text as kind,
				case t.typtype
					when 'e' then (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid)
					else format_type(t.typbasetype, t.typtypmod) || coalesce(' ' || (select string_agg(pg_get_constraintdef(k.oid), ' ' order by k.conname)
						from pg_constraint k where k.contypid = t.oid), '')
				end as def
			from pg_type t join pg_namespace n on n.oid = t.typnamespace and n.nspname = 'public'
			where t.typtype in ('e', 'd') order by t.typname`)
	};
}

/**
 * The catalog as sorted lines, one fact each, for comparing two databases: names and definitions
 * only, no oids or attnums (a column's place is its rank among the table's live columns).
 */
export function facts(c: Catalog): string[] {
	const lines: string[] = [];
	const position = new Map<string, number>();
	for (const t of c.tables) lines.push(`table ${t.name} rls=${t.rls} force_rls=${t.force_rls} comment=${JSON.stringify(t.comment)}`);
	for (const col of c.columns) {
		const n = (position.get(col.table) ?? 0) + 1;
		position.set(col.table, n);
		lines.push(
			`column ${col.table}.${col.name} #${n} ${col.type}${col.not_null ? ' not null' : ''} default=${col.default}` +
				` identity=${col.identity || '-'} generated=${col.generated || '-'} comment=${JSON.stringify(col.comment)}`
		);
	}
	for (const k of c.constraints) lines.push(`constraint ${k.table}.${k.name} ${k.def}`);
	for (const i of c.indexes) lines.push(`index ${i.table}.${i.name} ${i.def}`);
	for (const f of c.functions) lines.push(`function ${f.name}(${f.args}) comment=${JSON.stringify(f.comment)}\n${f.def}`);
	for (const t of c.triggers) lines.push(`trigger ${t.table}.${t.name} enabled=${t.enabled} ${t.def}`);
	for (const p of c.policies)
		lines.push(`policy ${p.table}.${p.name} ${p.permissive} ${p.cmd} to ${p.roles} using ${p.qual} check ${p.with_check}`);
	for (const v of c.views) lines.push(`view ${v.name} ${v.kind} ${v.def}`);
	for (const s of c.sequences)
		lines.push(`sequence ${s.name} ${s.type} ${s.start} ${s.increment} ${s.min} ${s.max} ${s.cache} ${s.cycle} owned_by=${s.owned_by}`);
	for (const t of c.types) lines.push(`type ${t.name} ${t.kind} ${t.def}`);
	return lines.sort();
}
