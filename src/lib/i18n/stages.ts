import { m } from '$lib/paraglide/messages.js';
import type { Stage } from '$lib/domain/stages';

/** Column titles in the UI language (the domain keeps the Spanish labels for server messages). */
export function stageName(stage: Stage): string {
	switch (stage) {
		case 'preinstalacion':
			return m.stage_preinstalacion();
		case 'cobertura_confirmada':
			return m.stage_cobertura_confirmada();
		case 'documentos_pendientes':
			return m.stage_documentos_pendientes();
		case 'agendada':
			return m.stage_agendada();
		case 'asignada':
			return m.stage_asignada();
		case 'firmada':
			return m.stage_firmada();
		case 'activa':
			return m.stage_activa();
		case 'cancelada':
			return m.stage_cancelada();
	}
}
