// The SQL's own lists (CHECKs, function bodies, partial indexes, defaults) against the registries
// in src/lib/domain: a stage or an add-on kind added to one and not the other fails here, on
// every driver. Read from the migrated database, so it holds whatever migration last changed them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { STAGES, STAGE_TABLE } from '$lib/domain/stage-registry';
import { ADDON_KINDS, ADDON_KIND_KEYS, PLAN_KINDS } from '$lib/domain/addon-kinds';
import { INSTALLATION_TABLES, PERSONAL_COLUMNS, RETENTION_CATEGORIES } from '$lib/domain/arco';
import { QUEUED_ACTION_KINDS } from '$lib/domain/queued-actions';

/** The quoted literals of a definition, sorted: `stage = ANY (ARRAY['a'::text, 'b'::text])` → [a, b]. */
const literals = (text: string) => [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort();
const sorted = (xs: readonly string[]) => [...xs].sort();

describe.each(drivers)('registries equal the SQL (%s)', (driver) => {
	let t: TestDatabase;
	let checks: { table: string; name: string; def: string }[];
	let functions: { name: string; body: string }[];

	beforeAll(async () => {
		t = await freshDatabase(driver);
		checks = await t.db.query(
			`select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
			 from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace`
		);
		functions = await t.db.query(
			`select proname as name, prosrc as body from pg_proc where pronamespace = 'public'::regnamespace and prolang <> 13`
		);
	});
	afterAll(() => t?.cleanup());

	const check = (name: string) => {
		const found = checks.find((c) => c.name === name);
		expect(found, name).toBeDefined();
		return found!.def;
	};

	it('every CHECK that lists stages lists exactly STAGES', () => {
		const stageChecks = checks.filter((c) => STAGES.some((s) => c.def.includes(`'${s}'`)));
		expect(stageChecks.map((c) => c.name).sort()).toEqual(
			expect.arrayContaining(['checklist_templates_stage_check', 'stage_history_from_stage_check', 'stage_history_to_stage_check'])
		);
		for (const c of stageChecks) expect(literals(c.def), c.name).toEqual(sorted(STAGES));
	});

	it('installations.stage accepts exactly STAGES, by CHECK or in its write trigger, and defaults to the first', async () => {
		const lists = [
			...checks.filter((c) => c.name === 'installations_stage_check').map((c) => c.def),
			// The CHECKs of installations may live in its BEFORE trigger (installations_before_write).
			...functions.flatMap((f) => [...f.body.matchAll(/new\.stage\s+not\s+in\s*\(([^)]*)\)/gi)].map((m) => m[1]))
		];
		expect(lists.length).toBeGreaterThan(0);
		for (const list of lists) expect(literals(list)).toEqual(sorted(STAGES));

		const [col] = await t.db.query<{ def: string }>(
			`select column_default as def from information_schema.columns where table_schema = 'public' and table_name = 'installations' and column_name = 'stage'`
		);
		expect(literals(col.def)).toEqual([STAGES[0]]);
	});

	it('every list of stages in a function body is STAGES', () => {
		// A function may list stages (a check, a filter) only as the whole registry.
		const partial = functions.flatMap((f) =>
			[...f.body.matchAll(/\bin\s*\(([^)]*'[^)]*)\)/gi)]
				.map(([, list]) => list)
				.filter((list) => STAGES.some((s) => list.includes(`'${s}'`)) && literals(list).join() !== sorted(STAGES).join())
				.map((list) => `${f.name}: ${list}`)
		);
		expect(partial).toEqual([]);
	});

	it("board_move treats exactly the side column's stages as cancellations", () => {
		const move = functions.find((f) => f.name === 'board_move');
		expect(move).toBeDefined();
		const special = new Set([...move!.body.matchAll(/p_stage\s*=\s*'([^']+)'/g)].map((m) => m[1]));
		expect([...special].sort()).toEqual(sorted(STAGE_TABLE.filter((s) => !s.open).map((s) => s.key)));
	});

	it('the recent-closed index covers exactly the stages the board shows only recently', async () => {
		const [idx] = await t.db.query<{ pred: string }>(
			`select pg_get_expr(i.indpred, i.indrelid) as pred from pg_index i join pg_class c on c.oid = i.indexrelid
			 where c.relname = 'installations_recent_closed_idx'`
		);
		expect(idx).toBeDefined();
		expect(literals(idx.pred)).toEqual(sorted(STAGE_TABLE.filter((s) => s.recentOnly).map((s) => s.key)));
	});

	it('add-on kinds: addon_services.kind is ADDON_KINDS, plans.kind is internet plus ADDON_KINDS', () => {
		expect(literals(check('addon_services_kind_check'))).toEqual(sorted(ADDON_KIND_KEYS));
		expect(literals(check('plans_kind_check'))).toEqual(sorted(PLAN_KINDS));
	});

	it('only the kinds that edit a TV type may hold one', () => {
		const withTvType = ADDON_KINDS.filter((k) => (k.editable as readonly string[]).includes('tvType')).map((k) => k.key);
		const def = check('addon_services_tv_type_kind_check');
		expect(literals(def).filter((l) => (ADDON_KIND_KEYS as readonly string[]).includes(l))).toEqual(sorted(withTvType));
	});

	it('the ARCO registry names every table with a foreign key to installations, by the same columns', async () => {
		const fks = await t.db.query<{ table: string; column: string }>(
			`select c.conrelid::regclass::text as table, a.attname as column
			   from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
			  where c.contype = 'f' and c.confrelid = 'public.installations'::regclass`
		);
		const inSchema = fks.map((f) => `${f.table}.${f.column}`).sort();
		const inRegistry = INSTALLATION_TABLES.flatMap((r) => r.keys.map((k) => `${r.table}.${k}`)).sort();
		expect(inRegistry).toEqual(inSchema);
	});

	it('the ARCO erasure clears real, nullable columns of installations; retention deletes real file categories', async () => {
		const cols = await t.db.query<{ name: string; nullable: string }>(
			`select column_name as name, is_nullable as nullable from information_schema.columns
			  where table_schema = 'public' and table_name = 'installations'`
		);
		for (const c of PERSONAL_COLUMNS) expect(cols.find((x) => x.name === c)?.nullable, c).toBe('YES');
		const categories = literals(check('files_category_check'));
		for (const c of RETENTION_CATEGORIES) expect(categories, c).toContain(c);
	});

	it('the offline queue: applied_actions.kind is QUEUED_ACTION_KINDS', () => {
		expect(literals(check('applied_actions_kind_check'))).toEqual(sorted(QUEUED_ACTION_KINDS));
	});
});
