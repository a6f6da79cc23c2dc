import type { RawRunner } from './client';

type Runner = Pick<RawRunner, 'query'>;
export type ContractType = '12_meses' | 'indefinido';

export interface TemplateRow {
	title: string;
	body: string;
}

/** The provider's contract text for that contract type, else its general one; null uses the default. */
export async function contractFor(db: Runner, orgId: string, contractType: ContractType): Promise<TemplateRow | null> {
	const [row] = await db.query<TemplateRow>(
		`select title, body from document_templates where org_id = $1 and kind = 'contrato' and (contract_type = $2 or contract_type is null)
		 order by contract_type nulls last, updated_at desc limit 1`,
		[orgId, contractType]
	);
	return row ?? null;
}

/** Writes the contract text of one type; run it in a transaction (the row is locked, then updated or created). */
export async function saveContract(
	tx: Runner,
	orgId: string,
	t: { contractType: ContractType; title: string; body: string; updatedBy: string }
): Promise<void> {
	const [cur] = await tx.query<{ id: string }>(
		`select id from document_templates where org_id = $1 and kind = 'contrato' and contract_type = $2 for update`,
		[orgId, t.contractType]
	);
	if (cur)
		await tx.query('update document_templates set title = $1, body = $2, updated_at = now(), updated_by = $3 where id = $4', [
			t.title,
			t.body,
			t.updatedBy,
			cur.id
		]);
	else
		await tx.query(
			`insert into document_templates (org_id, kind, contract_type, title, body, updated_by) values ($1, 'contrato', $2, $3, $4, $5)`,
			[orgId, t.contractType, t.title, t.body, t.updatedBy]
		);
}
