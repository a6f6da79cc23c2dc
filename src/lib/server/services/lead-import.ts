import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import type { SessionUser } from '../auth';
import * as duplicates from '../db/duplicates';
import * as organizations from '../db/organizations';
import { insertCardHistory } from '../db/history';
import { DUPLICATE_RECENT_DAYS } from '$lib/domain/duplicates';
import {
	guessMapping,
	IMPORT_FIELDS,
	REQUIRED_IMPORT_FIELDS,
	type ImportField,
	type ImportMapping,
	type ImportProblem
} from '$lib/domain/lead-import';
import { importOptionsSchema, mappingKey, type ImportOptions } from '$lib/schemas/lead-import';
import type { LeadInput } from '$lib/schemas/lead';
import { parseInput } from '../validation';
import { forbidden, ServiceError } from './errors';
import { readSettings } from '$lib/schemas/settings';
import { actAs } from './card-edit';
import { insertLead } from './leads';
import { recordAudit } from './audit';
import { readImportFile, type ImportFile, type ImportTable } from './lead-import-file';
import { classifyRows, type Classified } from './lead-import-rows';

/** Who may import a file of leads: the office's managers (a wrong file puts hundreds of cards on everyone's board). */
export const IMPORT_ROLES = ['admin', 'coordinator'] as const;

const allowed = (actor: SessionUser) => {
	if (!(IMPORT_ROLES as readonly string[]).includes(actor.role)) {
		throw forbidden('Solo un administrador o un coordinador puede importar clientes desde un archivo.');
	}
};

/** How many rows the preview shows as they will be saved. */
const SAMPLE_ROWS = 8;

export interface ImportPreview {
	fileName: string;
	headers: string[];
	mapping: ImportMapping;
	source: LeadInput['source'];
	total: number;
	ready: number;
	sample: { line: number; values: Record<ImportField, string> }[];
	problems: ImportProblem[];
}

export interface ImportResult {
	fileName: string;
	created: number;
	total: number;
	problems: ImportProblem[];
}

const MISSING: Record<string, string> = {
	fullName: 'Elige la columna que trae el nombre del cliente.',
	phone: 'Elige la columna que trae el teléfono.'
};

/** The file and the choices, read and checked: a refusal names what to fix. */
async function prepare(actor: SessionUser, file: ImportFile | null, raw: unknown) {
	allowed(actor);
	const options: ImportOptions = parseInput(importOptionsSchema, raw);
	if (!file) throw new ServiceError(400, 'Elige un archivo CSV o de Excel (.xlsx) con tus clientes.', { file: ['Elige un archivo.'] });
	const table = await readImportFile(file);
	const mapping = options.mapping ?? guessMapping(table.headers);
	return { options, table, mapping, fileName: file.name };
}

function requireMapped(mapping: ImportMapping) {
	const missing = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === null);
	if (missing.length) {
		throw new ServiceError(400, MISSING[missing[0]], Object.fromEntries(missing.map((f) => [mappingKey(f), [MISSING[f]]])));
	}
}

async function classify(
	runner: Pick<RawRunner, 'query'>,
	orgId: string,
	table: ImportTable,
	mapping: ImportMapping,
	source: LeadInput['source']
) {
	// Read in the caller's transaction (not the board's cache): the lists rows are checked against now.
	const settings = readSettings(await organizations.storedSettings(runner, orgId));
	const ctx = { cities: settings.cities, howHeard: settings.howHeard };
	// A first pass without the board tells which phones and emails to look for.
	const draft = classifyRows(table, mapping, source, ctx, []);
	const phones = draft.good.map((r) => r.value.phone);
	const emails = draft.good.flatMap((r) => (r.value.email ? [r.value.email.toLowerCase()] : []));
	const existing = await duplicates.matchingContacts(runner, orgId, phones, emails, DUPLICATE_RECENT_DAYS);
	return { classified: classifyRows(table, mapping, source, ctx, existing), settings };
}

const shown = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Step 2: what the file would import with this mapping, row by row, writing nothing. */
export async function previewImport(db: Database, actor: SessionUser, file: ImportFile | null, raw: unknown): Promise<ImportPreview> {
	const { options, table, mapping, fileName } = await prepare(actor, file, raw);
	const base = { fileName, headers: table.headers, mapping, source: options.source, total: table.rows.length };
	if (REQUIRED_IMPORT_FIELDS.some((f) => mapping[f] === null)) return { ...base, ready: 0, sample: [], problems: [] };
	const { classified } = await classify(db, actor.orgId, table, mapping, options.source);
	return {
		...base,
		ready: classified.good.length,
		sample: classified.good.slice(0, SAMPLE_ROWS).map((r) => ({
			line: r.line,
			values: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, shown(r.value[f])])) as Record<ImportField, string>
		})),
		problems: classified.problems
	};
}

/**
 * Step 3: every good row becomes a preinstalación card through the same path as any new lead
 * (history, board event, duplicate check), all in one transaction: if one fails, none is created.
 * The board is read again under the provider's lock, so a file imported twice at once, or again
 * later, creates each customer once.
 */
export async function importLeads(db: Database, actor: SessionUser, file: ImportFile | null, raw: unknown): Promise<ImportResult> {
	const { options, table, mapping, fileName } = await prepare(actor, file, raw);
	requireMapped(mapping);
	const result = await db.begin(async (tx) => {
		await actAs(tx, actor);
		await organizations.lock(tx, actor.orgId);
		const { classified, settings } = await classify(tx, actor.orgId, table, mapping, options.source);
		await createAll(tx, actor, fileName, classified, settings.installationCostCents);
		await recordAudit(tx, actor, {
			kind: 'leads_imported',
			target: fileName,
			details: { rows: table.rows.length, created: classified.good.length, skipped: classified.problems.length }
		});
		return classified;
	});
	return { fileName, created: result.good.length, total: table.rows.length, problems: result.problems };
}

async function createAll(tx: RawRunner, actor: SessionUser, fileName: string, classified: Classified, costCents: number) {
	for (const { line, value } of classified.good) {
		const card = await insertLead(
			tx,
			actor.orgId,
			actor.id,
			{
				fullName: value.fullName,
				phone: value.phone,
				email: value.email,
				source: value.source,
				addrStreet: value.addrStreet as string | null,
				addrColonia: value.addrColonia as string | null,
				addrCity: value.addrCity as string | null,
				howHeard: value.howHeard as string | null,
				comments: value.comments as string | null
			},
			costCents,
			'importacion'
		);
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: card.id,
			userId: actor.id,
			kind: 'field',
			field: 'importado',
			newValue: `${fileName}, línea ${line}`,
			source: 'importacion'
		});
	}
}
