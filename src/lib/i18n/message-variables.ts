import { m } from '$lib/paraglide/messages.js';
import type { MessageVariable } from '$lib/domain/message-templates';

/**
 * What each message variable reads, in the UI language (the domain keeps the Spanish). Typed by
 * MESSAGE_VARIABLES, so a variable added there fails to type-check until it is described here.
 */
const DESCRIPTIONS: { [V in MessageVariable]: () => string } = {
	cliente: m.settings_msgvar_cliente,
	proveedor: m.settings_msgvar_proveedor,
	asesor: m.settings_msgvar_asesor,
	fecha_instalacion: m.settings_msgvar_fecha_instalacion,
	hora: m.settings_msgvar_hora,
	monto: m.settings_msgvar_monto,
	deposito: m.settings_msgvar_deposito,
	link_firma: m.settings_msgvar_link_firma,
	documentos_faltantes: m.settings_msgvar_documentos_faltantes,
	tecnico: m.settings_msgvar_tecnico,
	red_wifi: m.settings_msgvar_red_wifi,
	clave_wifi: m.settings_msgvar_clave_wifi
};

export const variableDescription = (name: MessageVariable): string => DESCRIPTIONS[name]();
