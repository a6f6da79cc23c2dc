import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import type { SessionUser } from '../auth';
import { parseInput } from '../validation';
import { templateSchema } from '$lib/schemas/documents';
import { forbidden } from './errors';
import { legacyClauses, type ContractType } from '$lib/domain/contract-template';
import { DEFAULT_CLAUSES, DEFAULT_CONTRACT_TITLE, DEFAULT_PENALTY_CENTS } from '$lib/domain/contract-default';
import * as templates from '../db/document-templates';

export type ContractTemplate = templates.ContractTemplate;
const TYPES = ['12_meses', 'indefinido'] as const;

export const defaultContract = (contractType: ContractType): ContractTemplate => ({
	contractType,
	title: DEFAULT_CONTRACT_TITLE[contractType],
	clauses: DEFAULT_CLAUSES.map((c) => ({ ...c })),
	penaltyCents: DEFAULT_PENALTY_CENTS[contractType]
});

/** The provider's contract of that type as clauses: saved clauses, an old text split into clauses, or the default. */
export async function contractTemplate(db: Pick<RawRunner, 'query'>, orgId: string, contractType: ContractType): Promise<ContractTemplate> {
	const row = await templates.contractFor(db, orgId, contractType);
	if (!row) return defaultContract(contractType);
	const clauses = row.clauses ?? legacyClauses(row.body ?? '');
	return {
		contractType,
		title: row.title,
		clauses: clauses.length ? clauses : defaultContract(contractType).clauses,
		penaltyCents: row.penaltyCents ?? DEFAULT_PENALTY_CENTS[contractType]
	};
}

const adminOnly = (actor: SessionUser) => {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede editar los contratos.');
};

export async function listTemplates(db: Database, actor: SessionUser): Promise<ContractTemplate[]> {
	adminOnly(actor);
	return Promise.all(TYPES.map((type) => contractTemplate(db, actor.orgId, type)));
}

/** Refused input (unknown variables, empty clauses, bad penalty) writes nothing. */
export async function saveTemplate(db: Database, actor: SessionUser, raw: unknown): Promise<ContractTemplate> {
	adminOnly(actor);
	const input = parseInput(templateSchema, raw);
	const t: ContractTemplate = { contractType: input.contractType, title: input.title, clauses: input.clauses, penaltyCents: input.penalty };
	await db.begin((tx) => templates.saveContract(tx, actor.orgId, { ...t, updatedBy: actor.id }));
	return t;
}

/** A new provider starts with the default contract of each type as its own text. */
export async function seedContracts(db: Parameters<typeof templates.insertContracts>[0], orgId: string): Promise<void> {
	await templates.insertContracts(db, orgId, TYPES.map(defaultContract));
}
