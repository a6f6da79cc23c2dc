import type { RawRunner } from './client';
import type { Stage } from '$lib/domain/stages';

type Runner = Pick<RawRunner, 'query'>;

export interface TemplateRow {
	id: string;
	stage: Stage;
	label: string;
	autoRule: string | null;
	sortOrder: number;
	active: boolean;
}

export async function templates(db: Runner, orgId: string, activeOnly = true): Promise<TemplateRow[]> {
	return db.query<TemplateRow>(
		`select id, stage, label, auto_rule as "autoRule", sort_order as "sortOrder", active from checklist_templates
		 where org_id = $1 ${activeOnly ? 'and active' : ''} order by sort_order, created_at`,
		[orgId]
	);
}

export async function template(db: Runner, orgId: string, id: string): Promise<Pick<TemplateRow, 'label' | 'autoRule'> | null> {
	const [row] = await db.query<Pick<TemplateRow, 'label' | 'autoRule'>>(
		'select label, auto_rule as "autoRule" from checklist_templates where org_id = $1 and id = $2',
		[orgId, id]
	);
	return row ?? null;
}

/** Returns false when the template is not the provider's (or no longer exists). */
export async function updateTemplate(db: Runner, orgId: string, t: TemplateRow): Promise<boolean> {
	const rows = await db.query(
		`update checklist_templates set stage = $1, label = $2, auto_rule = $3, sort_order = $4, active = $5
		 where org_id = $6 and id = $7 returning id`,
		[t.stage, t.label, t.autoRule, t.sortOrder, t.active, orgId, t.id]
	);
	return rows.length > 0;
}

/** A new template starts active. */
export async function insertTemplate(db: Runner, orgId: string, t: Pick<TemplateRow, 'stage' | 'label' | 'autoRule' | 'sortOrder'>) {
	await db.query(
		`insert into checklist_templates (org_id, stage, label, auto_rule, sort_order, active) values ($1, $2, $3, $4, $5, true)`,
		[orgId, t.stage, t.label, t.autoRule, t.sortOrder]
	);
}

/** A hand-ticked item of one card, with who ticked it. */
export interface ItemRow {
	templateId: string;
	done: boolean;
	doneBy: string | null;
	doneAt: string | null;
}

export async function items(db: Runner, orgId: string, installationId: string): Promise<ItemRow[]> {
	return db.query<ItemRow>(
		`select i.template_id as "templateId", i.done, u.name as "doneBy", i.done_at::text as "doneAt"
		 from checklist_items i left join users u on u.id = i.done_by where i.org_id = $1 and i.installation_id = $2`,
		[orgId, installationId]
	);
}

/** Ticks or unticks; `userId` is who ticked it (null when unticked). */
export async function setItem(
	db: Runner,
	item: { orgId: string; installationId: string; templateId: string; done: boolean; userId: string | null }
): Promise<void> {
	await db.query(
		`insert into checklist_items (org_id, installation_id, template_id, done, done_by, done_at)
		 values ($1, $2, $3, $4, $5, case when $4::boolean then now() end)
		 on conflict (installation_id, template_id) do update set done = excluded.done, done_by = excluded.done_by, done_at = excluded.done_at`,
		[item.orgId, item.installationId, item.templateId, item.done, item.userId]
	);
}
