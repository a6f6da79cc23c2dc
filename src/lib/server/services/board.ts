import type { Database } from '../db';
import { countByStage, getCard, listBoard, type CardRow } from '../db/cards';
import { organizations } from '../db/schema';
import { eq } from 'drizzle-orm';
import { readSettings, type OrgSettings } from '$lib/schemas/settings';
import { missingForNext } from '$lib/domain/stages';
import type { SessionUser } from '../auth';
import type { BoardCard, BoardSnapshot } from '$lib/realtime/types';
import { parseInput } from '../validation';
import { boardFilterSchema } from '$lib/schemas/board';

// Every move and every fanned-out event reads the settings; a few seconds of staleness after an
// admin edits them is fine (the editing process forgets its copy at once).
const SETTINGS_TTL_MS = 5000;
const settingsCache = new Map<string, { at: number; settings: OrgSettings }>();

export async function orgSettings(db: Database, orgId: string): Promise<OrgSettings> {
	const hit = settingsCache.get(orgId);
	if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.settings;
	const [org] = await db.orm.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, orgId));
	const settings = readSettings(org?.settings);
	settingsCache.set(orgId, { at: Date.now(), settings });
	return settings;
}

export function forgetSettings(orgId: string): void {
	settingsCache.delete(orgId);
}

export function toBoardCard(row: CardRow, settings: OrgSettings): BoardCard {
	const { badge, missing } = missingForNext(row, settings);
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
		cancelReason: row.cancelReason ?? null,
		cancelNote: row.cancelNote ?? null,
		sheetSigned: !!row.sheetSignedAt,
		contractSigned: !!row.contractSignedAt,
		badge,
		missing: missing.map((m) => m.message)
	};
}

/** Technicians see only the cards assigned to them; every other role sees the provider's board. */
export function inScope(user: Pick<SessionUser, 'role' | 'id'>, card: { technicianId?: string | null }): boolean {
	return user.role !== 'technician' || card.technicianId === user.id;
}

export async function lastSeq(db: Database, orgId: string): Promise<number> {
	const [row] = await db.query<{ seq: number | null }>('select max(seq)::int as seq from board_events where org_id = $1', [orgId]);
	return row?.seq ?? 0;
}

export async function boardSnapshot(db: Database, actor: SessionUser, rawFilters: unknown = {}): Promise<BoardSnapshot> {
	const filters = parseInput(boardFilterSchema, rawFilters);
	const settings = await orgSettings(db, actor.orgId);
	// Read the sequence first: events after it may already be in the snapshot, and replaying
	// them is harmless because clients drop versions they already hold.
	const seq = await lastSeq(db, actor.orgId);
	const rows = await listBoard(db, {
		orgId: actor.orgId,
		recentDays: settings.activeVisibleDays,
		technicianId: actor.role === 'technician' ? actor.id : filters.tecnico,
		zoneId: filters.zona,
		planId: filters.plan,
		contractType: filters.contrato,
		dateFrom: filters.desde,
		dateTo: filters.hasta,
		text: filters.q
	});
	let cards = rows.map((r) => toBoardCard(r, settings));
	if (filters.faltantes) cards = cards.filter((c) => c.badge);
	return {
		cards,
		totals: actor.role === 'technician' ? {} : await countByStage(db, actor.orgId),
		lastSeq: seq,
		settings: { wipLimits: settings.wipLimits, sla: settings.sla, recentDays: settings.activeVisibleDays },
		serverTime: new Date().toISOString()
	};
}

export async function boardCard(db: Database, orgId: string, cardId: string): Promise<BoardCard | null> {
	const row = await getCard(db, orgId, cardId);
	return row ? toBoardCard(row, await orgSettings(db, orgId)) : null;
}
