/**
 * The card panel's sections and which of them lead at each stage: the one place that decides
 * what the panel opens on. A new section is a row in PANEL_SECTIONS (and its body and label in
 * components/card/CardPanel.svelte); a new stage is a row in PANEL_BY_STAGE (typed by the stage
 * registry, so a stage without one does not compile).
 */
import type { Role, Stage } from './stage-registry';

export interface PanelSectionRow {
	key: string;
	/** Only the office sees it (the technician's phone has its own job screen for the call's data). */
	office: boolean;
	/** Only an admin sees it (the customer's personal data as a whole: export and erasure). */
	admin?: boolean;
	/**
	 * The guard's requirement keys (stage-rules.ts) this section is where to fix; a key ending in
	 * ':' covers every key with that prefix (`file:ine_frontal`, `address:street`…).
	 */
	fixes: readonly string[];
}

/** Every section, in the order the ones a stage does not lead with follow. */
export const PANEL_SECTIONS = [
	{ key: 'llamada', office: true, fixes: [] },
	{ key: 'cobertura', office: true, fixes: ['location', 'zoneId', 'zoneCoverage', 'serviceType', 'cancelReason', 'cancelNote'] },
	{ key: 'plan', office: false, fixes: ['planId', 'contractType', 'customerAcceptedAt'] },
	{ key: 'cliente', office: false, fixes: ['fullName', 'phone', 'phoneAlt', 'email', 'address:'] },
	// Messages to the customer; the technician sends «en camino» from their job screen instead.
	{ key: 'mensajes', office: true, fixes: [] },
	{ key: 'documentos', office: false, fixes: ['file:', 'sheetSignedAt', 'contractSignedAt'] },
	{ key: 'agenda', office: false, fixes: ['installationDate', 'billingComputed'] },
	// The technician's closing data is captured on their phone; here the office sees who has the job.
	{ key: 'conexion', office: false, fixes: ['technicianId', 'pppoeUser', 'pppoePassword', 'ip', 'completedAt', 'equipment:'] },
	{ key: 'servicios', office: false, fixes: [] },
	{ key: 'checklist', office: false, fixes: [] },
	{ key: 'historial', office: false, fixes: [] },
	// ARCO rights (LFPDPPP): export or erase everything held about the customer.
	{ key: 'arco', office: true, admin: true, fixes: [] }
] as const satisfies readonly PanelSectionRow[];

export type PanelSectionKey = (typeof PANEL_SECTIONS)[number]['key'];
/** One tab: its sections, shown side by side on a wide screen when there are several. */
export type PanelTab = readonly [PanelSectionKey, ...PanelSectionKey[]];

/**
 * What each stage's work needs first (the process documents: the agent's call in process 3, the
 * coordinator's scheduling in process 4, then signatures and the first charge). The sections not
 * named here follow, one tab each, in PANEL_SECTIONS' order.
 */
export const PANEL_BY_STAGE: Record<Stage, readonly PanelTab[]> = {
	preinstalacion: [['llamada', 'cobertura', 'plan']],
	cobertura_confirmada: [['llamada', 'cobertura', 'plan']],
	documentos_pendientes: [['documentos'], ['cliente']],
	agendada: [['agenda'], ['conexion'], ['servicios']],
	asignada: [['agenda'], ['conexion'], ['servicios']],
	firmada: [['documentos'], ['agenda'], ['historial']],
	activa: [['documentos'], ['agenda'], ['historial']],
	cancelada: [['historial'], ['cliente']]
};

const ROW = new Map<string, PanelSectionRow>(PANEL_SECTIONS.map((s) => [s.key, s]));
export const isPanelSection = (key: unknown): key is PanelSectionKey => typeof key === 'string' && ROW.has(key);

function visible(key: PanelSectionKey, role: Role): boolean {
	const row = ROW.get(key)!;
	if (row.admin) return role === 'admin';
	return role !== 'technician' || !row.office;
}

/** The panel's tabs for a card at `stage`, seen by `role`: the stage's lead tabs, then the rest. */
export function panelTabs(stage: Stage, role: Role): PanelTab[] {
	const lead = PANEL_BY_STAGE[stage] ?? [];
	const placed = new Set<PanelSectionKey>(lead.flat());
	const rest = PANEL_SECTIONS.filter((s) => !placed.has(s.key)).map((s) => [s.key] as PanelTab);
	return [...lead, ...rest].flatMap((tab) => {
		const [first, ...more] = tab.filter((k) => visible(k, role));
		return first ? [[first, ...more] as PanelTab] : [];
	});
}

/** The section where a missing requirement (stage-rules.ts's `key`) is fixed. */
export function sectionFor(requirementKey: string): PanelSectionKey | null {
	const row = PANEL_SECTIONS.find((s) =>
		s.fixes.some((f: string) => (f.endsWith(':') ? requirementKey.startsWith(f) : requirementKey === f))
	);
	return row?.key ?? null;
}
