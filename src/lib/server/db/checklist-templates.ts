import { sql } from 'drizzle-orm';
import { run, type Executor } from './card-tx';
import type { Stage } from '$lib/domain/stages';

export interface NewTemplateItem {
	stage: Stage;
	label: string;
	autoRule: string | null;
}

/** Appends the items in order (sort_order follows the list). */
export async function insertMany(db: Executor, orgId: string, items: NewTemplateItem[]): Promise<void> {
	if (!items.length) return;
	const values = items.map((item, i) => sql`(${orgId}, ${item.stage}, ${item.label}, ${item.autoRule}, ${i})`);
	await run(db, sql`insert into checklist_templates (org_id, stage, label, auto_rule, sort_order) values ${sql.join(values, sql`, `)}`);
}
