/**
 * All SQL lives in src/lib/server/db/: services, routes, the server's top-level modules and the
 * hooks call its verb modules. This walks their syntax trees (so comments and Spanish messages are
 * never mistaken for SQL) and lists every place that still writes SQL, as file:line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Words that only SQL puts together; one string literal must hold the whole phrase. */
const SQL_PHRASES: RegExp[] = [
	/\bselect\s[\s\S]*?\bfrom\s/i,
	/\bselect\s+(set_config|pg_[a-z_]+|count|exists|1\b)/i,
	/\binsert\s+into\s/i,
	/\bupdate\s+"?[a-z_][\w.]*"?\s+(\w+\s+)?set\s/i,
	/\bdelete\s+from\s/i,
	/\b(alter|create|drop|truncate)\s+table\s/i,
	/\bon\s+conflict\b/i,
	/\bfor\s+update\b/i
];

const DRIZZLE_BUILDERS = new Set(['select', 'selectDistinct', 'insert', 'update', 'delete']);
const RAW_RUNNERS = new Set(['query', 'execute', 'unsafe']);
// The names a database handle or transaction goes by here; a Map or Set never does.
const DB_RECEIVER = /^(db|tx|trx|orm|exec|executor|client|pg|sql)$|\.(orm|db)$|getDb\(\)\)?$/;

export interface SqlHit {
	line: number;
	why: string;
}

function literalText(node: ts.Node): string | null {
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
	if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
	return null;
}

/** Where `source` writes SQL: templates, raw runners, the Drizzle builder, SQL in strings, schema imports. */
export function findSql(source: string, fileName = 'file.ts'): SqlHit[] {
	const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const hits: SqlHit[] = [];
	const hit = (node: ts.Node, why: string) => {
		const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
		// One report per line: a sql`…` template is also a string holding SQL.
		if (!hits.some((h) => h.line === line)) hits.push({ line, why });
	};
	const visit = (node: ts.Node) => {
		if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
			const from = node.moduleSpecifier.text;
			if (from === 'drizzle-orm' || from.startsWith('drizzle-orm/')) hit(node, `imports ${from}`);
			if (/(^|\/)db\/schema$/.test(from)) hit(node, 'imports db/schema');
			return;
		}
		if (ts.isTaggedTemplateExpression(node) && /^sql(\.\w+)?$/.test(node.tag.getText(sf))) hit(node, 'sql`…` template');
		if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
			const name = node.expression.name.text;
			const receiver = node.expression.expression.getText(sf).replace(/\s+/g, '');
			if (RAW_RUNNERS.has(name)) hit(node, `.${name}(…)`);
			else if (DRIZZLE_BUILDERS.has(name) && DB_RECEIVER.test(receiver)) hit(node, `${receiver}.${name}(…)`);
			else if (receiver === 'sql' && ['raw', 'join', 'identifier'].includes(name)) hit(node, `sql.${name}(…)`);
		}
		const text = literalText(node);
		if (text !== null) {
			const phrase = SQL_PHRASES.find((re) => re.test(text));
			if (phrase) hit(node, `SQL in a string: «${text.replace(/\s+/g, ' ').trim().slice(0, 60)}»`);
			if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
			return;
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return hits;
}

function walk(dir: string, deep: boolean): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return deep ? walk(path, deep) : [];
		return /\.(ts|js)$/.test(name) && !/\.(spec|test)\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});
}

/** Every server module outside db/ (services, realtime, pdf, storage, http, top level), routes and the hooks. */
export function scannedFiles(): string[] {
	const server = join(ROOT, 'src/lib/server');
	return [
		...walk(server, false),
		...readdirSync(server)
			.filter((name) => name !== 'db' && statSync(join(server, name)).isDirectory())
			.flatMap((name) => walk(join(server, name), true)),
		...walk(join(ROOT, 'src/routes'), true),
		join(ROOT, 'src/hooks.server.ts')
	].sort();
}

describe('the SQL finder', () => {
	const lines = (src: string) => findSql(src).map((h) => h.line);

	it('finds every way of writing SQL', () => {
		const src = [
			"import { eq } from 'drizzle-orm';",
			"import { users } from '../db/schema';",
			'await run(tx, sql`select id from zones where org_id = ${orgId}`);',
			"await db.query('update sessions set expires_at = $2 where id = $1', [id, at]);",
			'await tx.execute(q);',
			'const [row] = await db.orm.select().from(users);',
			'await tx',
			'\t.insert(users)',
			'\t.values(row);',
			'await tx.delete(sessions).where(eq(sessions.id, id));',
			"const text = `insert into zones (name) values (${'$'}1)`;",
			"const q = 'delete from zone_ip_pools where zone_id = $1';",
			'const lock = `select id from organizations where id = $1 for update`;',
			"await run('select set_config($1, $2, true)');",
			'const s = `update installations set ${column} = now()`;',
			'sql.raw(`returning id`);'
		].join('\n');
		expect(lines(src)).toEqual([1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16]);
	});

	it('leaves Maps, regular expressions and Spanish messages alone', () => {
		const src = [
			'// a comment may say: select id from installations for update',
			'/** or: insert into card_history, then update installations set ip */',
			'cache.delete(key);',
			'this.#entries.delete(key);',
			'seen.add(id); byOrg.set(org, 1); params.set("q", "1");',
			"const flag = /'(-[^' ]+)/.exec(err.message)?.[1];",
			"throw new ServiceError(409, 'Selecciona otra zona: esa ya existe. Actualiza la página y elige de la lista.');",
			"const m = 'Inserta la tarjeta SIM y selecciona el plan desde la lista; para borrar, elige «Eliminar».';",
			"const hint = 'Primero elige la zona (RB) de la instalación; la IP sale de sus rangos.';",
			"const url = new URL(request.url); url.searchParams.delete('next');",
			'await db.orm.transaction(async (tx) => service(tx));',
			"const label = 'Actualizar';"
		].join('\n');
		expect(findSql(src)).toEqual([]);
	});
});

describe('no SQL outside src/lib/server/db', () => {
	it('services, routes, server modules and hooks call db/ verb modules instead of writing SQL', () => {
		const offenders = scannedFiles().flatMap((file) =>
			findSql(readFileSync(file, 'utf8'), file).map((h) => `${relative(ROOT, file)}:${h.line} ${h.why}`)
		);
		expect(offenders, `SQL outside src/lib/server/db:\n${offenders.join('\n')}`).toEqual([]);
	});
});
