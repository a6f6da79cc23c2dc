import { OPEN_STAGES, type OpenStage } from '$lib/domain/stages';
import { todayIn } from '$lib/domain/dates';
import { slotSortKey } from '$lib/domain/time-slot';
import { ageHours, slaLevel, wipLevel, type SlaLevel, type WipLevel } from '$lib/realtime/board-logic';
import type { DisplayCard, DisplayEvent, DisplaySettings } from '$lib/schemas/displays';

/** Pure rules behind the wall display, so specs and the soak bench drive them without a browser. */

export interface DisplayColumn {
	stage: OpenStage;
	count: number;
	limit: number | null;
	wip: WipLevel;
	cards: DisplayCard[];
}

/** The new map when the event is newer than what we hold, else null (nothing to redraw). */
export function applyDisplayEvent(cards: ReadonlyMap<string, DisplayCard>, e: DisplayEvent): Map<string, DisplayCard> | null {
	const held = cards.get(e.cardId);
	if (held && held.version >= e.version && e.card) return null;
	if (!held && !e.card) return null;
	const next = new Map(cards);
	if (e.card) next.set(e.cardId, e.card);
	else next.delete(e.cardId);
	return next;
}

/** Whether the change is one the room should notice (a card arriving or changing column/place). */
export function isMove(before: DisplayCard | undefined, after: DisplayCard | null): boolean {
	if (!after) return false;
	return !before || before.stage !== after.stage || before.position !== after.position;
}

export function buildColumns(cards: Iterable<DisplayCard>, settings: DisplaySettings): DisplayColumn[] {
	const by = new Map<OpenStage, DisplayCard[]>(OPEN_STAGES.map((s) => [s, []]));
	for (const c of cards) by.get(c.stage as OpenStage)?.push(c);
	return OPEN_STAGES.map((stage) => {
		const list = by.get(stage)!.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
		const limit = settings.wipLimits[stage] ?? null;
		return { stage, count: list.length, limit, wip: wipLevel(list.length, limit), cards: list };
	});
}

export function ageLevel(card: DisplayCard, settings: DisplaySettings, nowMs: number): SlaLevel {
	// Finished cards don't age: there is nothing left to chase.
	if (card.stage === 'activa') return 'ok';
	return slaLevel(ageHours(card.stageChangedAt, nowMs), settings.sla[card.stage]);
}

/** "5 h" / "3 d": short enough to read from across the room. */
export function ageLabel(stageChangedAt: string, nowMs: number): { value: number; unit: 'h' | 'd' } {
	const h = ageHours(stageChangedAt, nowMs);
	return h < 48 ? { value: Math.floor(h), unit: 'h' } : { value: Math.floor(h / 24), unit: 'd' };
}

export type JobState = 'sin_asignar' | 'pendiente' | 'firmada' | 'instalada';

export interface TechnicianDay {
	technicianId: string | null;
	name: string | null;
	color: string | null;
	jobs: { id: string; firstName: string; colonia: string | null; time: string | null; state: JobState }[];
}

const jobState = (c: DisplayCard): JobState =>
	c.stage === 'activa'
		? 'instalada'
		: c.stage === 'firmada'
			? 'firmada'
			: c.technicianId && c.stage === 'asignada'
				? 'pendiente'
				: 'sin_asignar';

/** Today's installations grouped by technician, in time order; unassigned ones last. */
export function todayByTechnician(cards: Iterable<DisplayCard>, today: string): TechnicianDay[] {
	const groups = new Map<string, TechnicianDay>();
	for (const c of cards) {
		if (c.installationDate !== today) continue;
		const key = c.technicianId ?? '';
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { technicianId: c.technicianId, name: c.technicianName, color: c.technicianColor, jobs: [] }));
		g.jobs.push({ id: c.id, firstName: c.firstName, colonia: c.colonia, time: c.installationTime, state: jobState(c) });
	}
	for (const g of groups.values()) g.jobs.sort((a, b) => slotSortKey(a.time).localeCompare(slotSortKey(b.time)));
	return [...groups.values()].sort(
		(a, b) => (a.technicianId ? 0 : 1) - (b.technicianId ? 0 : 1) || (a.name ?? '').localeCompare(b.name ?? '')
	);
}

export interface DayTotals {
	installedToday: number;
	scheduledToday: number;
	pendingDocuments: number;
}

/** Installed today = entered "activa" today in the provider's time zone. */
export function dayTotals(cards: Iterable<DisplayCard>, today: string, timeZone: string): DayTotals {
	const t: DayTotals = { installedToday: 0, scheduledToday: 0, pendingDocuments: 0 };
	for (const c of cards) {
		if (c.stage === 'activa' && todayIn(timeZone, new Date(c.stageChangedAt)) === today) t.installedToday++;
		if (c.installationDate === today) t.scheduledToday++;
		if (c.stage === 'documentos_pendientes') t.pendingDocuments++;
	}
	return t;
}
