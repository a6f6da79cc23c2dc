import { m } from '$lib/paraglide/messages.js';
import type { Stage } from '$lib/domain/stages';

/**
 * Each stage's `stage_<key>` message. Typed by STAGE_TABLE's keys, so a stage added there fails to
 * type-check until its messages exist (and a removed one until its entry goes). Named imports,
 * not `m[\`stage_${key}\`]`: indexing the namespace would bundle every message into the board.
 */
const NAMES: { [S in Stage]: (inputs?: Record<string, never>, options?: { locale?: 'es' | 'en' }) => string } = {
	preinstalacion: m.stage_preinstalacion,
	cobertura_confirmada: m.stage_cobertura_confirmada,
	documentos_pendientes: m.stage_documentos_pendientes,
	agendada: m.stage_agendada,
	asignada: m.stage_asignada,
	firmada: m.stage_firmada,
	activa: m.stage_activa,
	cancelada: m.stage_cancelada
};

/** Column titles in the UI language (the domain keeps the Spanish labels for server messages). */
/** In the UI language, or in `locale` when the server writes text for a reader (the card's history). */
export function stageName(stage: Stage, locale?: 'es' | 'en'): string {
	return NAMES[stage]({}, locale ? { locale } : {});
}
