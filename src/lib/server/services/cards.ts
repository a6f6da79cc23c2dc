import type { Database } from '../db';
import type { CardPanelData } from '$lib/types/card';
import { getCard, type CardRow } from '../db/cards';
import { readCardFields, wireValues } from '../db/card-fields';
import type { SessionUser } from '../auth';
import { notFound } from './errors';
import { inScope, orgSettings } from './board';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { cardChecklist } from './checklists';
import { cardHistory } from './history';
import * as panel from '../db/card-panel';
import * as zones from '../db/zones';
import { cardStatus as wisphubStatus } from './wisphub';
import { openDuplicates } from './duplicates';
import { followUpPanel } from './lead-calls';

/** The full card for its panel/page; technicians only see their own jobs. */
export async function cardDetail(db: Database, actor: SessionUser, rawId: unknown): Promise<CardRow> {
	const id = parseInput(uuidSchema, rawId);
	const card = await getCard(db, actor.orgId, id);
	if (!card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	return card;
}

export type { CardPanelData, PlanOption } from '$lib/types/card';

/** Everything the card panel shows, in one call (the page load and the panel's refresh). */
export async function cardPanel(db: Database, actor: SessionUser, rawId: unknown): Promise<CardPanelData> {
	const card = await cardDetail(db, actor, rawId);
	const settings = await orgSettings(db, actor.orgId);
	const fields = (await readCardFields(db, actor.orgId, card.id))!;
	const extra = (await panel.extras(db, card.id))!;
	const [checklist, history, plans, zoneOptions, wisphub, duplicates, followUp] = await Promise.all([
		cardChecklist(db, actor.orgId, card, settings),
		cardHistory(db, actor, card.id),
		panel.planOptions(db, actor.orgId),
		zones.options(db, actor.orgId),
		card.wisphubState === 'sincronizado' ? wisphubStatus(db, card.id, actor.orgId) : null,
		openDuplicates(db, actor, card.id),
		followUpPanel(db, actor, card.id)
	]);
	return {
		card,
		detail: {
			values: wireValues(fields),
			callScript: (typeof extra.callScript === 'string' ? JSON.parse(extra.callScript) : extra.callScript) ?? {},
			coordinatesRaw: extra.coordinatesRaw,
			coverageConfirmedAt: extra.coverageConfirmedAt,
			source: extra.source
		},
		checklist,
		followUp,
		duplicates,
		history,
		wisphubChanged: wisphub?.changed ?? [],
		plans,
		zones: zoneOptions.map(({ id, name }) => ({ id, name })),
		settings: {
			cities: settings.cities,
			howHeard: settings.howHeard,
			objectionSnippets: settings.objectionSnippets,
			installationCostCents: settings.installationCostCents,
			depositCents: settings.depositCents,
			promotionFreeInstallation: settings.promotionFreeInstallation
		}
	};
}

/** Whether this user may touch this card at all (provider and, for technicians, assignment). */
export async function cardInScope(db: Database, actor: SessionUser, id: string): Promise<boolean> {
	if (!uuidSchema.safeParse(id).success) return false;
	const row = await panel.assignee(db, actor.orgId, id);
	return !!row && inScope(actor, row);
}
