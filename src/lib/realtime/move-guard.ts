import { canEnter, roleRefusalFor, type GuardCard, type Role, type Stage } from '$lib/domain/stages';
import type { BoardCard } from '$lib/types/board';
import type { Coded } from '$lib/domain/coded';

// The move menu's judgement, loaded when a menu first opens: the stage guards bring the address and
// phone rules (and the phone metadata) that the board's first paint does not need.

/**
 * Why the "Mover a…" menu can't offer a stage, or null. The board card lacks most guard data, so
 * only role rules (and the cancellation reason, which the card carries) are judged here; data
 * requirements are left to the server, whose reasons then show in a toast.
 */
export function moveBlockedReason(card: BoardCard, to: Stage, user: { id: string; role: Role }): Coded | null {
	const guard: GuardCard = {
		id: card.id,
		stage: card.stage,
		fullName: card.fullName,
		technicianId: card.technicianId,
		cancelReason: card.cancelReason,
		cancelNote: card.cancelNote
	};
	// The cancel dialog asks for the reason, so only the role can block «Cancelada» here.
	if (to === 'cancelada') return roleRefusalFor(guard, to, user.role, user.id);
	const mine = canEnter(guard, to, user.role, { userId: user.id });
	if (mine.ok) return null;
	// An admin is never refused by role, so any difference from the admin's answer is a role rule.
	const admin = canEnter(guard, to, 'admin', { userId: user.id });
	return admin.ok || admin.reasons[0] !== mine.reasons[0] ? (mine.codes[0] ?? null) : null;
}
