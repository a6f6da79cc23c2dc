/**
 * The agents' call queue («Mis llamadas», issue 20): THE registry of why a lead is in the queue, in
 * the order the queue serves them, and how long «Siguiente» holds a lead for the agent who took it.
 * Pure: the SQL's order (db/call-queue.ts), the service and the page read these.
 */
import { addDays, isCivilDate, type CivilDate } from './dates';
import { panelTabs, sectionFor, type PanelSectionKey } from './panel-sections';
import type { Role, Stage } from './stage-registry';

export const QUEUE_REASON_KEYS = ['vencida', 'programada', 'nueva', 'documentos'] as const;
export type QueueReason = (typeof QUEUE_REASON_KEYS)[number];

export const QUEUE_REASONS: Record<QueueReason, { es: string; en: string }> = {
	/** A callback whose time has passed (only in today's queue). */
	vencida: { es: 'Llamada vencida', en: 'Overdue callback' },
	/** A callback due on the chosen day. */
	programada: { es: 'Llamada programada', en: 'Scheduled callback' },
	/** A lead in «preinstalación» nobody has called yet, oldest first. */
	nueva: { es: 'Lead nuevo sin llamar', en: 'New lead, never called' },
	/** «Documentos pendientes» longer than the office's days and not called in those days. */
	documentos: { es: 'Esperando documentos', en: 'Waiting for documents' }
};

/** Stages whose cards never enter the queue. */
export const QUEUE_CLOSED_STAGES: readonly Stage[] = ['activa', 'cancelada'];

/** How long «Siguiente» holds a lead for the agent who took it, unless they record a call or let go. */
export const CLAIM_MINUTES = 15;

export type QueueDayChoice = 'hoy' | 'manana' | CivilDate;

/** The civil day a `?dia=` value names in the provider's calendar: hoy (default), mañana or a date. */
export function queueDay(choice: QueueDayChoice | null | undefined, today: CivilDate): CivilDate {
	if (!choice || choice === 'hoy') return today;
	if (choice === 'manana') return addDays(today, 1);
	return isCivilDate(choice) ? choice : today;
}

/**
 * The card's tab to open from the queue: the call script while the lead is being qualified, else
 * where the first missing item is fixed, else the stage's leading tab.
 */
export function queueSection(stage: Stage, role: Role, missingKeys: readonly string[]): PanelSectionKey {
	const tabs = panelTabs(stage, role).flat();
	if (tabs[0] === 'llamada') return 'llamada';
	for (const key of missingKeys) {
		const section = sectionFor(key);
		if (section && tabs.includes(section)) return section;
	}
	return tabs[0] ?? 'historial';
}
