/**
 * Splits a migration file into statements the way the Supabase CLI does before it records them in
 * its ledger (pkg/parser: split on `;` outside quotes, dollar quotes, comments and parentheses; each
 * statement keeps its leading comments, loses trailing `;` and surrounding whitespace; empty ones
 * are dropped), so a row the app writes reads the same as one `supabase db push` writes.
 * Not handled: `BEGIN ATOMIC … END` bodies, which no migration here uses.
 */
export function splitStatements(sql: string): string[] {
	const out: string[] = [];
	let start = 0;
	let depth = 0;
	let i = 0;
	const push = (end: number) => {
		const s = sql.slice(start, end).replace(/;+$/, '').trim();
		if (s) out.push(s);
		start = end;
	};
	while (i < sql.length) {
		const c = sql[i];
		const next = sql[i + 1];
		if (c === '-' && next === '-') {
			const nl = sql.indexOf('\n', i + 2);
			i = nl < 0 ? sql.length : nl + 1;
		} else if (c === '/' && next === '*') {
			let nest = 1;
			i += 2;
			while (i < sql.length && nest > 0) {
				if (sql.startsWith('/*', i)) nest++;
				else if (sql.startsWith('*/', i)) nest--;
				else {
					i++;
					continue;
				}
				i += 2;
			}
		} else if (c === "'" || c === '"') {
			i++;
			while (i < sql.length) {
				if (sql[i] === c && sql[i + 1] === c) i += 2;
				else if (sql[i] === c) break;
				else i++;
			}
			i++;
		} else if (c === '$') {
			const tag = /^\$[\p{L}\p{N}_]*\$/u.exec(sql.slice(i, i + 64));
			if (tag) {
				const end = sql.indexOf(tag[0], i + tag[0].length);
				i = end < 0 ? sql.length : end + tag[0].length;
			} else i++;
		} else if (c === '\\') {
			i += 2;
		} else {
			if (c === '(') depth++;
			else if (c === ')' && depth > 0) depth--;
			else if (c === ';' && depth === 0) push(i + 1);
			i++;
		}
	}
	push(sql.length);
	return out;
}
