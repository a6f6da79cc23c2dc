import type { RawRunner } from './client';
import { run, type Executor } from './card-tx';
import { sql } from 'drizzle-orm';
import type { Clause, ContractType } from '$lib/domain/contract-template';

type Runner = Pick<RawRunner, 'query'>;
export type { ContractType };

export interface TemplateRow {
	title: string;
	/** Text written by the first editor (single-brace placeholders); null once saved as clauses. */
	body: string | null;
	clauses: Clause[] | null;
	penaltyCents: number | null;
}

/** The provider's contract for that contract type, else its general one; null when it has none. */
export async function contractFor(db: Runner, orgId: string, contractType: ContractType): Promise<TemplateRow | null> {
	const [row] = await db.query<TemplateRow>(
		`select title, body, clauses, penalty_cents as "penaltyCents" from document_templates
		 where org_id = $1 and kind = 'contrato' and (contract_type = $2 or contract_type is null)
		 order by contract_type nulls last, updated_at desc limit 1`,
		[orgId, contractType]
	);
	return row ?? null;
}

export interface ContractTemplate {
	contractType: ContractType;
	title: string;
	clauses: Clause[];
	penaltyCents: number;
}

/** Writes the contract of one type; run it in a transaction (the row is locked, then updated or created). */
export async function saveContract(tx: Runner, orgId: string, t: ContractTemplate & { updatedBy: string | null }): Promise<void> {
	const [cur] = await tx.query<{ id: string }>(
		`select id from document_templates where org_id = $1 and kind = 'contrato' and contract_type = $2 for update`,
		[orgId, t.contractType]
	);
	const clauses = JSON.stringify(t.clauses);
	if (cur)
		await tx.query(
			`update document_templates set title = $1, clauses = $2::jsonb, penalty_cents = $3, body = null, updated_by = $4 where id = $5`,
			[t.title, clauses, t.penaltyCents, t.updatedBy, cur.id]
		);
	else
		await tx.query(
			`insert into document_templates (org_id, kind, contract_type, title, clauses, penalty_cents, updated_by)
			 values ($1, 'contrato', $2, $3, $4::jsonb, $5, $6)`,
			[orgId, t.contractType, t.title, clauses, t.penaltyCents, t.updatedBy]
		);
}

/** A new provider's contracts (one per contract type), inside the transaction that creates it. */
export async function insertContracts(db: Executor, orgId: string, list: ContractTemplate[]): Promise<void> {
	if (!list.length) return;
	const values = list.map(
		(t) => sql`(${orgId}, 'contrato', ${t.contractType}, ${t.title}, ${JSON.stringify(t.clauses)}::jsonb, ${t.penaltyCents})`
	);
	await run(
		db,
		sql`insert into document_templates (org_id, kind, contract_type, title, clauses, penalty_cents) values ${sql.join(values, sql`, `)}`
	);
}
