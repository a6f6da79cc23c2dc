import { z } from 'zod';
import type { ChecklistItemView } from '$lib/types/card';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import type { CardRow } from '../db/cards';
import { getCard } from '../db/cards';
import { insertCardHistory } from '../db/history';
import * as checklists from '../db/checklists';
import type { TemplateRow } from '../db/checklists';
import { allUnmet, isRuleMet, AUTO_RULES } from '$lib/domain/checklist-rules';
import { STAGES } from '$lib/domain/stages';
import type { OrgSettings } from '$lib/schemas/settings';
import { uuidSchema, checkboxSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { forbidden, notFound } from './errors';
import { inScope } from './board';

export type { ChecklistItemView } from '$lib/types/card';

export async function listTemplates(db: Database, orgId: string, activeOnly = true): Promise<TemplateRow[]> {
	return checklists.templates(db, orgId, activeOnly);
}

/** Auto items answer from the card's data through the guards; the rest were ticked by a person. */
export async function cardChecklist(db: Database, orgId: string, card: CardRow, settings: OrgSettings): Promise<ChecklistItemView[]> {
	const templates = await listTemplates(db, orgId);
	const manual = await checklists.items(db, orgId, card.id);
	const byTemplate = new Map(manual.map((m) => [m.templateId, m]));
	const unmet = allUnmet(card, settings);
	return templates.map((t) => {
		const m = byTemplate.get(t.id);
		const auto = t.autoRule ? isRuleMet(t.autoRule, unmet) : null;
		return {
			templateId: t.id,
			stage: t.stage,
			label: t.label,
			autoRule: t.autoRule,
			done: auto ?? m?.done ?? false,
			doneBy: auto === null && m?.done ? m.doneBy : null,
			doneAt: auto === null && m?.done ? m.doneAt : null
		};
	});
}

const toggleSchema = z.object({ templateId: uuidSchema, done: z.boolean({ error: 'Marca o desmarca la casilla.' }) });

/** A hand-ticked item, with who and when. Auto items follow the data and can't be ticked. */
export async function toggleChecklistItem(db: Database, actor: SessionUser, rawId: unknown, raw: unknown) {
	const id = parseInput(uuidSchema, rawId);
	const input = parseInput(toggleSchema, raw);
	const card = await getCard(db, actor.orgId, id);
	if (!card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	const t = await checklists.template(db, actor.orgId, input.templateId);
	if (!t) throw notFound('Ese punto de la lista ya no existe: recarga la tarjeta.');
	if (t.autoRule) throw forbidden('Este punto se marca solo cuando el dato o el archivo está en la tarjeta.');
	await db.begin(async (tx) => {
		await checklists.setItem(tx, {
			orgId: actor.orgId,
			installationId: id,
			templateId: input.templateId,
			done: input.done,
			userId: input.done ? actor.id : null
		});
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: id,
			userId: actor.id,
			kind: 'checklist',
			field: t.label,
			oldValue: !input.done,
			newValue: input.done,
			source: 'tarjeta'
		});
	});
}

const templateSchema = z.object({
	id: z
		.string()
		.optional()
		.transform((v) => v || null)
		.pipe(uuidSchema.nullable()),
	stage: z.enum(STAGES, { error: 'Elige la etapa.' }),
	label: z
		.string({ error: 'Escribe el texto del punto.' })
		.trim()
		.min(3, 'Escribe el texto del punto (al menos 3 letras).')
		.max(200, 'El texto es demasiado largo (máximo 200 caracteres).'),
	autoRule: z
		.string()
		.optional()
		.transform((v) => v || null)
		.pipe(z.enum(AUTO_RULES, { error: 'Elige una regla automática de la lista.' }).nullable()),
	sortOrder: z.coerce.number({ error: 'Escribe un número.' }).int('Escribe un número entero.').min(0).max(10_000).default(0),
	active: checkboxSchema
});

function requireAdmin(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede cambiar las listas de verificación.');
}

export async function checklistTemplatesFor(db: Database, actor: SessionUser) {
	requireAdmin(actor);
	return listTemplates(db, actor.orgId, false);
}

/** Creates or edits one template item (Ajustes → Checklists). */
export async function saveChecklistTemplate(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor);
	const t = parseInput(templateSchema, raw);
	if (t.id) {
		if (!(await checklists.updateTemplate(db, actor.orgId, { ...t, id: t.id }))) throw notFound('Ese punto de la lista ya no existe.');
		return;
	}
	await checklists.insertTemplate(db, actor.orgId, t);
}
