/**
 * Stages and the one guard for a move. The stage table is stage-registry.ts, what a card needs
 * per stage is stage-rules.ts; this module puts roles and requirements together and re-exports
 * both, so importers keep one path.
 */
import { mayEnter, mayLeave, isOpenStage, OPEN_STAGES, stageLabel, stagesOf, STAGE_TABLE, isStage, nextStage } from './stage-registry';
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

export * from './stage-registry';
export * from './stage-card';
export { ownRequirementsFor, requirementsFor } from './stage-rules';

const quoted = (stages: readonly Stage[]) => stages.map((s) => `«${stageLabel(s)}»`).join(' o ');

/** What a role was allowed, in words, for its refusal. */
function allowedMoves(role: Role): string {
	const from = OPEN_STAGES.filter((s) => mayLeave(role, s));
	const to = OPEN_STAGES.filter((s) => mayEnter(role, s));
	if (role === 'agent') {
		const own = stagesOf(role);
		const cancels = STAGE_TABLE.some((s) => !s.open && mayEnter(role, s.key));
		return `Como agente puedes mover tarjetas de ${quoted(own.slice(0, 1))} a ${quoted(own.slice(-1))}${cancels ? ' o cancelarlas' : ''}`;
	}
	return `Como técnico solo puedes pasar tus instalaciones de ${quoted(from.filter((s) => !to.includes(s)))} a ${quoted(to)}.`;
}

/** Why this role may not make this move at all (STAGE_TABLE's enter/leave); data overrides cannot lift these. */
function roleRefusal(card: GuardCard, to: Stage, role: Role, userId: string | null | undefined): string | null {
	const from = card.stage;
	if (role === 'technician' && (!userId || card.technicianId !== userId))
		return 'Esta instalación no está asignada a ti: pide al coordinador que te la asigne.';
	if (mayLeave(role, from) && mayEnter(role, to)) return null;
	switch (role) {
		case 'agent':
			if (!isOpenStage(from)) return `Solo un coordinador puede reabrir una tarjeta ${stageLabel(from).toLowerCase()}: pídeselo.`;
			if (!mayLeave(role, from)) return `Esta tarjeta ya está en «${stageLabel(from)}»: solo un coordinador puede moverla.`;
			return `${allowedMoves(role)}: pide a un coordinador que la pase a «${stageLabel(to)}».`;
		case 'technician':
			return allowedMoves(role);
		default:
			return 'Tu usuario no puede mover tarjetas: pide acceso a un coordinador.';
	}
}

/** The role half of canEnter alone: why this person may never make this move, or null (the dialogs ask for the rest). */
export function roleRefusalFor(card: GuardCard, stage: Stage, role: Role, userId?: string | null): string | null {
	return isStage(stage) && card.stage !== stage ? roleRefusal(card, stage, role, userId) : null;
}

/**
 * The one guard for a move, used by the server, the drop preview and the badges. Coordinators
 * and admins may move past unmet data requirements with a written reason (which the service
 * records); nobody may skip the cancellation reason, because the Cancelada column shows it.
 */
export function canEnter(card: GuardCard, stage: Stage, role: Role, opts: CanEnterOptions = {}): GuardResult {
	if (!isStage(stage)) return { ok: false, reasons: [`La columna «${String(stage)}» no existe: recarga el tablero.`], overridable: false };
	if (card.stage === stage) return { ok: true, overridden: false };
	const refusal = roleRefusal(card, stage, role, opts.userId);
	if (refusal) return { ok: false, reasons: [refusal], overridable: false };

	const unmet = requirementsFor(card, stage, opts.settings);
	if (!unmet.length) return { ok: true, overridden: false };

	const reasons = unmet.map((r) => r.message);
	const written = (opts.overrideReason ?? '').trim();
	const mayOverride = (role === 'admin' || role === 'coordinator') && isOpenStage(stage);
	if (mayOverride) {
		if (written.length >= MIN_OVERRIDE_REASON_LENGTH) return { ok: true, overridden: true };
		if (written) reasons.push(`Para mover sin cumplir los requisitos escribe un motivo de al menos ${MIN_OVERRIDE_REASON_LENGTH} letras.`);
	} else if (written && isOpenStage(stage)) {
		reasons.push('Solo un coordinador o un administrador puede mover una tarjeta sin cumplir los requisitos.');
	}
	return { ok: false, reasons, overridable: mayOverride };
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
): { next: Stage | null; missing: Requirement[]; badge: string | null } {
	const next = isStage(card.stage) ? nextStage(card.stage) : null;
	if (!next) return { next: null, missing: [], badge: null };
	const all = requirementsFor(card, next, settings);
	const own = new Set(ownRequirementsFor(card, next, settings).map((r) => r.key));
	const nextOwn = all.filter((r) => own.has(r.key));
	const missing = nextOwn.length ? nextOwn : all;
	return { next, missing, badge: badgeFor(missing) };
}

export function badgeFor(missing: readonly Requirement[]): string | null {
	const docs = missing.filter((m) => m.kind === 'document').length;
	const rest = missing.filter((m) => m.kind === 'data');
	const parts = [
		docs ? `${docs} ${docs === 1 ? 'documento' : 'documentos'}` : '',
		rest.length === 1 ? rest[0].short : rest.length > 1 ? `${rest.length} datos` : ''
	].filter(Boolean);
	if (!parts.length) return null;
	return `${missing.length === 1 ? 'falta' : 'faltan'} ${parts.join(' y ')}`;
}
