/**
 * Stages and the one guard for a move. The stage table is stage-registry.ts, what a card needs
 * per stage is stage-rules.ts; this module puts roles and requirements together and re-exports
 * both, so importers keep one path.
 */
import { mayEnter, mayLeave, isOpenStage, OPEN_STAGES, stagesOf, STAGE_TABLE, isStage, nextStage } from './stage-registry';
import type { Role, Stage } from './stage-registry';
import {
	MIN_OVERRIDE_REASON_LENGTH,
	type CanEnterOptions,
	type GuardCard,
	type GuardResult,
	type GuardSettings,
	type Requirement
} from './stage-card';
import { ownRequirementsFor, requirementsFor } from './stage-rules';
import { coded, type Coded } from './coded';
import { translate } from '$lib/i18n/translate';

export * from './stage-registry';
export * from './stage-card';
export { ownRequirementsFor, requirementsFor } from './stage-rules';

const stageList = (stages: readonly Stage[]): Coded[] => stages.map((st) => coded(`stage.${st}`));

/** What a role was allowed, in words, for its refusal. */
function allowedMoves(role: Role): Coded {
	const from = OPEN_STAGES.filter((s) => mayLeave(role, s));
	const to = OPEN_STAGES.filter((s) => mayEnter(role, s));
	if (role === 'agent') {
		const own = stagesOf(role);
		const cancels = STAGE_TABLE.some((s) => !s.open && mayEnter(role, s.key));
		return coded(cancels ? 'guard.agent_may_cancel' : 'guard.agent_may', {
			from: stageList(own.slice(0, 1)),
			to: stageList(own.slice(-1))
		});
	}
	return coded('guard.technician_may', { from: stageList(from.filter((s) => !to.includes(s))), to: stageList(to) });
}

/** Why this role may not make this move at all (STAGE_TABLE's enter/leave); data overrides cannot lift these. */
function roleRefusal(card: GuardCard, to: Stage, role: Role, userId: string | null | undefined): Coded | null {
	const from = card.stage;
	if (role === 'technician' && (!userId || card.technicianId !== userId)) return coded('guard.not_your_job');
	if (mayLeave(role, from) && mayEnter(role, to)) return null;
	switch (role) {
		case 'agent':
			// Cancelada is the one closed stage.
			if (!isOpenStage(from)) return coded('guard.agent_reopen');
			if (!mayLeave(role, from)) return coded('guard.agent_closed_from', { stage: stageList([from]) });
			return coded('guard.agent_refused', { may: allowedMoves(role), target: stageList([to]) });
		case 'technician':
			return allowedMoves(role);
		default:
			return coded('guard.role_cannot_move');
	}
}

/** The role half of canEnter alone: why this person may never make this move, or null (the dialogs ask for the rest). */
export function roleRefusalFor(card: GuardCard, stage: Stage, role: Role, userId?: string | null): Coded | null {
	return isStage(stage) && card.stage !== stage ? roleRefusal(card, stage, role, userId) : null;
}

const refused = (codes: Coded[], overridable: boolean): GuardResult => ({
	ok: false,
	reasons: codes.map((c) => translate(c, 'es')),
	codes,
	overridable
});

/**
 * The one guard for a move, used by the server, the drop preview and the badges. Coordinators
 * and admins may move past unmet data requirements with a written reason (which the service
 * records); nobody may skip the cancellation reason, because the Cancelada column shows it.
 */
export function canEnter(card: GuardCard, stage: Stage, role: Role, opts: CanEnterOptions = {}): GuardResult {
	if (!isStage(stage)) return refused([coded('guard.unknown_stage', { stage: String(stage) })], false);
	if (card.stage === stage) return { ok: true, overridden: false };
	const refusal = roleRefusal(card, stage, role, opts.userId);
	if (refusal) return refused([refusal], false);

	const unmet = requirementsFor(card, stage, opts.settings);
	if (!unmet.length) return { ok: true, overridden: false };

	const codes = unmet.map((r) => r.text);
	const written = (opts.overrideReason ?? '').trim();
	const mayOverride = (role === 'admin' || role === 'coordinator') && isOpenStage(stage);
	if (mayOverride) {
		if (written.length >= MIN_OVERRIDE_REASON_LENGTH) return { ok: true, overridden: true };
		if (written) codes.push(coded('guard.override_reason_short', { min: MIN_OVERRIDE_REASON_LENGTH }));
	} else if (written && isOpenStage(stage)) {
		codes.push(coded('guard.override_not_allowed'));
	}
	return refused(codes, mayOverride);
}

/**
 * For the card's badge: what the next column asks for ("falta firma de la hoja"), not every gap an
 * override let through earlier. Only when the next column's own needs are met do those earlier
 * gaps show, since then they alone stop the move (the guard is cumulative). So a card has a badge
 * exactly when the guard would refuse its next move on data.
 */
export function missingForNext(
	card: GuardCard,
	settings?: Partial<GuardSettings> | null
): { next: Stage | null; missing: Requirement[]; badge: string | null; badgeCode: Coded | null } {
	const next = isStage(card.stage) ? nextStage(card.stage) : null;
	if (!next) return { next: null, missing: [], badge: null, badgeCode: null };
	const all = requirementsFor(card, next, settings);
	const own = new Set(ownRequirementsFor(card, next, settings).map((r) => r.key));
	const nextOwn = all.filter((r) => own.has(r.key));
	const missing = nextOwn.length ? nextOwn : all;
	const badgeCode = badgeCodeFor(missing);
	return { next, missing, badge: badgeCode && translate(badgeCode, 'es'), badgeCode };
}

/** "faltan 2 documentos y 3 datos", "falta correo": as a message code, for the reader's language. */
export function badgeCodeFor(missing: readonly Requirement[]): Coded | null {
	const docs = missing.filter((m) => m.kind === 'document').length;
	const rest = missing.filter((m) => m.kind === 'data');
	const parts = [
		docs ? (docs === 1 ? coded('badge.documents_one') : coded('badge.documents_many', { count: docs })) : null,
		rest.length === 1 ? rest[0].label : rest.length > 1 ? coded('badge.data_many', { count: rest.length }) : null
	].filter((p): p is Coded => p !== null);
	if (!parts.length) return null;
	const what = parts.length === 2 ? coded('badge.and', { a: parts[0], b: parts[1] }) : parts[0];
	return coded(missing.length === 1 ? 'badge.missing_one' : 'badge.missing_many', { what });
}

/** The badge in Spanish, for the server's own messages. */
export function badgeFor(missing: readonly Requirement[]): string | null {
	const badge = badgeCodeFor(missing);
	return badge && translate(badge, 'es');
}
