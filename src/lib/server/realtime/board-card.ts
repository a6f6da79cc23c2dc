import type { CardRow } from '../db/cards';
import type { OrgSettings } from '$lib/schemas/settings';
import { missingForNext } from '$lib/domain/stages';
import type { BoardCard } from '$lib/types/board';
import type { Coded } from '$lib/domain/coded';
import { paymentBadge } from '$lib/domain/payments';

// Cards missing the same things share one array of reasons: the page data then sends each list once
// instead of once per card. Keyed by content, so it never goes stale; nobody mutates these arrays.
const reasonLists = new Map<string, Coded[]>();
const NO_REASONS: Coded[] = [];
function sharedReasons(messages: Coded[]): Coded[] {
	if (!messages.length) return NO_REASONS;
	const key = JSON.stringify(messages);
	let list = reasonLists.get(key);
	if (!list) {
		if (reasonLists.size > 5000) reasonLists.clear();
		reasonLists.set(key, (list = messages));
	}
	return list;
}

/** What a board card shows of a card row. Every field here must change the card's version when it changes (see the migration 20261205060000). */
export function toBoardCard(row: CardRow, settings: OrgSettings): BoardCard {
	const { badgeCode, missing } = missingForNext(row, settings);
	return {
		id: row.id,
		folio: row.folio,
		stage: row.stage,
		position: row.position,
		version: row.version,
		fullName: row.fullName,
		colonia: row.addrColonia ?? null,
		zoneId: row.zoneId ?? null,
		zoneName: row.zoneName,
		planId: row.planId ?? null,
		planName: row.planName,
		contractType: row.contractType ?? null,
		installationDate: row.installationDate ?? null,
		installationTime: row.installationTime,
		technicianId: row.technicianId ?? null,
		technicianName: row.technicianName,
		technicianColor: row.technicianColor,
		stageChangedAt: row.stageChangedAt,
		createdAt: row.createdAt,
		cancelReason: row.cancelReason ?? null,
		cancelNote: row.cancelNote ?? null,
		wisphub: row.wisphubState ? { state: row.wisphubState, id: row.wisphubId, error: row.wisphubError } : null,
		sheetSigned: !!row.sheetSignedAt,
		contractSigned: !!row.contractSignedAt,
		duplicateOf: row.duplicateOf ?? [],
		badge: badgeCode,
		missing: sharedReasons(missing.map((m) => m.text)),
		payment: paymentBadge(row),
		callAttempts: row.callAttempts,
		lastCallAt: row.lastCallAt,
		lastCallOutcome: row.lastCallOutcome,
		nextContactAt: row.nextContactAt
	};
}
