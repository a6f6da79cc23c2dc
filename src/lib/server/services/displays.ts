import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { generateToken, hashToken } from '../auth';
import { getCard, listBoard } from '../db/cards';
import * as boardEvents from '../db/board-events';
import * as displays from '../db/displays';
import { domainEvents } from '../events';
import { parseInput } from '../validation';
import { createDisplaySchema, displayTokenSchema, revokeDisplaySchema } from '$lib/schemas/displays';
import type { DisplayCard, DisplayEvent, DisplaySince, DisplaySnapshot } from '$lib/schemas/displays';
import type { BoardCard } from '$lib/types/board';
import { firstName } from '$lib/domain/names';
import { lastSeq, orgSettings, toBoardCard } from './board';
import { ServiceError, forbidden, notFound } from './errors';
import { recordAudit } from './audit';

/** Who is looking: a display token, resolved. Never a user, so no service that mutates accepts it. */
export interface DisplayViewer {
	tokenId: string;
	orgId: string;
	orgName: string;
	timeZone: string;
	name: string;
}

export type { DisplayRow as DisplayListItem } from '../db/displays';

/** More missed events than this and a snapshot is cheaper. */
const MAX_REPLAY = 300;

/** The redaction for a shared screen: first names and colonia, nothing that identifies or connects. */
export function toDisplayCard(c: BoardCard): DisplayCard {
	return {
		id: c.id,
		folio: c.folio,
		stage: c.stage,
		position: c.position,
		version: c.version,
		firstName: firstName(c.fullName),
		colonia: c.colonia,
		zoneName: c.zoneName,
		planName: c.planName,
		technicianId: c.technicianId,
		technicianName: c.technicianName ? firstName(c.technicianName) : null,
		technicianColor: c.technicianColor,
		installationDate: c.installationDate,
		installationTime: c.installationTime,
		stageChangedAt: c.stageChangedAt,
		badge: c.badge
	};
}

function adminOnly(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede gestionar las pantallas.');
}

export async function listDisplays(db: Database, actor: SessionUser): Promise<displays.DisplayRow[]> {
	adminOnly(actor);
	return displays.list(db, actor.orgId);
}

/** Returns the raw token once; only its SHA-256 is stored. */
export async function createDisplay(
	db: Database,
	actor: SessionUser,
	raw: unknown
): Promise<{ id: string; name: string; token: string; path: string }> {
	adminOnly(actor);
	const { name } = parseInput(createDisplaySchema, raw);
	const token = generateToken();
	const id = await displays.insert(db, { orgId: actor.orgId, name, tokenHash: hashToken(token), createdBy: actor.id });
	await recordAudit(db, actor, { kind: 'display_created', target: name });
	return { id, name, token, path: `/pantalla/${token}` };
}

export async function revokeDisplay(db: Database, actor: SessionUser, raw: unknown): Promise<{ id: string }> {
	adminOnly(actor);
	const { id } = parseInput(revokeDisplaySchema, raw);
	const name = await displays.revoke(db, actor.orgId, id);
	if (name === null) throw notFound('Esa pantalla no existe.');
	await recordAudit(db, actor, { kind: 'display_revoked', target: name });
	// Open screens go dark right away (the realtime layer listens).
	domainEvents.emit('display:revoked', { tokenId: id });
	return { id };
}

/** 404 for an unknown token, 410 for a revoked one. */
export async function displayByToken(db: Database, rawToken: unknown): Promise<DisplayViewer> {
	const gone = () => new ServiceError(404, 'Este enlace no existe.');
	const parsed = displayTokenSchema.safeParse(rawToken);
	if (!parsed.success) throw gone();
	const row = await displays.byTokenHash(db, hashToken(parsed.data));
	if (!row) throw gone();
	if (row.revoked) throw new ServiceError(410, 'Pantalla desactivada.');
	return { tokenId: row.tokenId, orgId: row.orgId, orgName: row.orgName, timeZone: row.timeZone, name: row.name };
}

/** Still valid? Used by the periodic resync, so a revoke missed on another instance still bites. */
export async function displayStillActive(db: Database, tokenId: string): Promise<boolean> {
	return displays.isActive(db, tokenId);
}

export async function touchDisplay(db: Database, tokenId: string): Promise<void> {
	await displays.touch(db, tokenId);
}

export async function displaySnapshot(db: Database, viewer: DisplayViewer): Promise<DisplaySnapshot> {
	const settings = await orgSettings(db, viewer.orgId);
	const seq = await lastSeq(db, viewer.orgId);
	const rows = await listBoard(db, { orgId: viewer.orgId, recentDays: Math.min(settings.activeVisibleDays, 7) });
	return {
		name: viewer.name,
		orgName: viewer.orgName,
		timeZone: viewer.timeZone,
		cards: rows.filter((r) => r.stage !== 'cancelada').map((r) => toDisplayCard(toBoardCard(r, settings))),
		lastSeq: seq,
		settings: { wipLimits: settings.wipLimits, sla: settings.sla },
		serverTime: new Date().toISOString()
	};
}

/** What a display missed: the current redacted state of each changed card, or a snapshot. */
export async function displayEventsSince(db: Database, viewer: DisplayViewer, since: number): Promise<DisplaySince> {
	const rows = await boardEvents.after(db, viewer.orgId, since, MAX_REPLAY + 1);
	const oldest = await boardEvents.oldestSeq(db, viewer.orgId);
	if (rows.length > MAX_REPLAY || (oldest != null && since > 0 && oldest > since + 1)) {
		return { snapshot: await displaySnapshot(db, viewer) };
	}
	const latest = new Map<string, number>();
	for (const r of rows) if (r.cardId) latest.set(r.cardId, r.seq);
	const settings = await orgSettings(db, viewer.orgId);
	const events: DisplayEvent[] = [];
	for (const [cardId, seq] of latest) {
		const row = await getCard(db, viewer.orgId, cardId);
		const card = row && row.stage !== 'cancelada' ? toDisplayCard(toBoardCard(row, settings)) : null;
		events.push({ seq, cardId, version: row?.version ?? 0, card });
	}
	events.sort((a, b) => a.seq - b.seq);
	return { events, lastSeq: rows.length ? rows[rows.length - 1].seq : since };
}
