/**
 * Following up a lead (issue 20, process 3 «Llama al cliente»): the agent records each call attempt
 * on the card (outcome, note, when to call again). The default next contact comes from the office's
 * cadence rules, moved into office hours (domain/follow-up-schedule.ts). The attempt, the card's
 * follow-up columns and its history are written in one transaction; the installations trigger
 * turns the new version into the board event every screen receives (nothing is emitted here).
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { setActor } from '../db/card-tx';
import * as leadCalls from '../db/lead-calls';
import { forbidden, notFound } from './errors';
import { inScope, orgSettings } from './board';
import { releaseClaim } from './call-queue';
import { parseInput } from '../validation';
import { recordCallSchema } from '$lib/schemas/lead-calls';
import { uuidSchema } from '$lib/schemas/common';
import { defaultNextContact, giveUpSuggestion } from '$lib/domain/follow-up-schedule';
import type { FollowUpPanel, LeadCall, RecordCallResult } from '$lib/types/lead-calls';

/** Who may record calls: the office (a technician's phone has no follow-up). */
export const CALL_ROLES = ['admin', 'coordinator', 'agent'] as const;
const mayRecord = (actor: SessionUser) => (CALL_ROLES as readonly string[]).includes(actor.role);

function visible(actor: SessionUser, card: leadCalls.CallCard | null): leadCalls.CallCard {
	if (!card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	return card;
}

/** Records one call attempt and returns it with the card's follow-up summary. */
export async function recordCall(db: Database, actor: SessionUser, raw: unknown, now = new Date()): Promise<RecordCallResult> {
	if (!mayRecord(actor)) throw forbidden('Tu rol no permite registrar llamadas. Pide ayuda a un coordinador.');
	const input = parseInput(recordCallSchema, raw);
	const rules = (await orgSettings(db, actor.orgId)).followUp;
	// Left out: the outcome's default (none after a wrong number, no interest or, by default, an answered call).
	const nextContactAt =
		input.nextContactAt === undefined ? defaultNextContact(input.outcome, rules, now, actor.timeZone) : input.nextContactAt;
	return db.orm.transaction(async (tx) => {
		const card = visible(actor, await leadCalls.card(tx, actor.orgId, input.installationId, true));
		await setActor(tx, actor);
		// The call was made: whoever held the lead in «Mis llamadas» lets it go with it.
		await releaseClaim(tx, actor.orgId, card.id);
		return leadCalls.recordCall(tx, {
			orgId: actor.orgId,
			installationId: card.id,
			userId: actor.id,
			outcome: input.outcome,
			note: input.note,
			nextContactAt
		});
	});
}

/** A card's calls, newest first. */
export async function listCalls(db: Database, actor: SessionUser, rawId: unknown): Promise<LeadCall[]> {
	const id = parseInput(uuidSchema, rawId);
	const card = visible(actor, await leadCalls.card(db.orm, actor.orgId, id, false));
	return leadCalls.list(db.orm, actor.orgId, card.id);
}

/** What the card panel shows of the follow-up: the last calls, the «no localizable» suggestion, the rules. */
export async function followUpPanel(db: Database, actor: SessionUser, cardId: string, now = new Date()): Promise<FollowUpPanel> {
	const rules = (await orgSettings(db, actor.orgId)).followUp;
	const calls = await leadCalls.list(db.orm, actor.orgId, cardId);
	return { calls: calls.slice(0, 20), giveUp: giveUpSuggestion(calls, rules, now), rules, canRecord: mayRecord(actor) };
}
