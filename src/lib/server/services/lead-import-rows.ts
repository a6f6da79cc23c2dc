import { importRowSchema, type ImportRow } from '$lib/schemas/lead-import';
import type { FieldContext } from '$lib/schemas/card';
import type { LeadInput } from '$lib/schemas/lead';
import { sharedLabel } from '$lib/domain/duplicates';
import {
	fromList,
	IMPORT_FIELD_NAMES_ES,
	IMPORT_FIELDS,
	type ImportField,
	type ImportMapping,
	type ImportProblem
} from '$lib/domain/lead-import';
import type { DuplicateField } from '$lib/types/duplicates';
import type { ExistingContact } from '../db/duplicates';
import type { ImportTable } from './lead-import-file';

/** A row ready to become a card, with the line it came from. */
export interface GoodRow {
	line: number;
	value: ImportRow;
}

export interface Classified {
	good: GoodRow[];
	problems: ImportProblem[];
}

const isField = (k: unknown): k is ImportField => typeof k === 'string' && (IMPORT_FIELDS as readonly string[]).includes(k);

/** The row as the schema reads it: each mapped cell, list values matched to the settings' spelling. */
function wireOf(cells: string[], mapping: ImportMapping, source: LeadInput['source'], ctx: FieldContext): Record<string, string> {
	const wire: Record<string, string> = { source };
	for (const f of IMPORT_FIELDS) {
		const i = mapping[f];
		const cell = i === null ? '' : (cells[i] ?? '').trim();
		wire[f] = f === 'addrCity' ? fromList(cell, ctx.cities) : f === 'howHeard' ? fromList(cell, ctx.howHeard) : cell;
	}
	return wire;
}

/**
 * Sorts a file's rows: refused by the lead schema (with the reasons, per field), already on the
 * board (the duplicates rule: same phone, main or additional, or email as an open or recent card),
 * repeated within the file (a later row with a phone or email an earlier good row has), or good.
 */
export function classifyRows(
	table: ImportTable,
	mapping: ImportMapping,
	source: LeadInput['source'],
	ctx: FieldContext,
	existing: ExistingContact[]
): Classified {
	const schema = importRowSchema(ctx);
	const byPhone = new Map<string, ExistingContact>();
	const byEmail = new Map<string, ExistingContact>();
	for (const c of existing) {
		for (const p of [c.phone, c.phoneAlt]) if (p && !byPhone.has(p)) byPhone.set(p, c);
		if (c.email && !byEmail.has(c.email)) byEmail.set(c.email, c);
	}
	const linePhone = new Map<string, number>();
	const lineEmail = new Map<string, number>();
	const out: Classified = { good: [], problems: [] };
	for (const row of table.rows) {
		const wire = wireOf(row.cells, mapping, source, ctx);
		const problem = (status: ImportProblem['status'], reasons: string[]) =>
			out.problems.push({ line: row.line, status, fullName: wire.fullName, phone: wire.phone, reasons });
		const parsed = schema.safeParse(wire);
		if (!parsed.success) {
			const reasons = parsed.error.issues.map((issue) => {
				const field = issue.path[0];
				if (!isField(field)) return issue.message;
				const shown = field === 'addrCity' || field === 'howHeard' ? ` («${wire[field]}»)` : '';
				return `${IMPORT_FIELD_NAMES_ES[field]}${shown}: ${issue.message}`;
			});
			problem('error', reasons);
			continue;
		}
		const value = parsed.data;
		const email = value.email?.toLowerCase() ?? null;
		const other = byPhone.get(value.phone) ?? (email ? byEmail.get(email) : undefined);
		if (other) {
			const fields: DuplicateField[] = [];
			if (other.phone === value.phone || other.phoneAlt === value.phone) fields.push('phone');
			if (email && other.email === email) fields.push('email');
			problem('exists', [`Ya existe: #${other.folio} ${other.fullName} (${sharedLabel(fields)})`]);
			continue;
		}
		const earlier = linePhone.get(value.phone) ?? (email ? lineEmail.get(email) : undefined);
		if (earlier !== undefined) {
			const samePhone = linePhone.get(value.phone) === earlier;
			problem('repeated', [`Repetido en el archivo: ${samePhone ? 'el mismo teléfono' : 'el mismo correo'} que la línea ${earlier}`]);
			continue;
		}
		linePhone.set(value.phone, row.line);
		if (email) lineEmail.set(email, row.line);
		out.good.push({ line: row.line, value });
	}
	return out;
}
