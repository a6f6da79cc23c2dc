import type { Executor } from '../db/card-tx';
import * as checklistTemplates from '../db/checklist-templates';
import type { Stage } from '$lib/domain/stages';

/**
 * The checklist every new provider starts with, taken from process 3 (the agent's call) and
 * process 4 (scheduling). `autoRule` ticks an item from the card's data; admins edit the list.
 */
export const DEFAULT_CHECKLIST: { stage: Stage; label: string; autoRule: string | null }[] = [
	{ stage: 'preinstalacion', label: 'Nombre y teléfono del cliente', autoRule: 'field:phone' },
	{ stage: 'cobertura_confirmada', label: 'Dirección o ubicación verificada', autoRule: 'field:location' },
	{ stage: 'cobertura_confirmada', label: 'Cobertura confirmada en la zona (RB)', autoRule: 'field:zone' },
	{ stage: 'cobertura_confirmada', label: 'Inalámbrico o fibra definido', autoRule: 'field:serviceType' },
	{ stage: 'documentos_pendientes', label: 'Plan elegido', autoRule: 'field:plan' },
	{ stage: 'documentos_pendientes', label: 'Tipo de contrato (12 meses / indefinido)', autoRule: 'field:contractType' },
	{ stage: 'documentos_pendientes', label: 'Cliente aceptó condiciones y depósito', autoRule: 'field:accepted' },
	{ stage: 'agendada', label: 'INE frontal', autoRule: 'file:ine_frontal' },
	{ stage: 'agendada', label: 'INE atrás', autoRule: 'file:ine_atras' },
	{ stage: 'agendada', label: 'Comprobante de domicilio', autoRule: 'file:comprobante_domicilio' },
	{ stage: 'agendada', label: 'Correo electrónico', autoRule: 'field:email' },
	{ stage: 'agendada', label: 'Teléfono adicional (de preferencia un familiar)', autoRule: 'field:phoneAlt' },
	{ stage: 'agendada', label: 'Dirección completa', autoRule: 'field:address' },
	{ stage: 'agendada', label: 'Fecha de instalación acordada', autoRule: 'field:installationDate' },
	{ stage: 'agendada', label: 'Fechas de pago y corte revisadas', autoRule: 'field:billing' },
	{ stage: 'agendada', label: 'Confirmación contrato a 12 meses (WhatsApp)', autoRule: 'file:confirmacion_12_meses' },
	{ stage: 'agendada', label: 'Casa propia o rentada confirmada', autoRule: null },
	{ stage: 'agendada', label: 'Condiciones especiales revisadas (azotea, cruce de fibra, toma de corriente)', autoRule: null },
	{ stage: 'asignada', label: 'Usuario y contraseña PPPoE', autoRule: 'field:pppoe' },
	{ stage: 'asignada', label: 'IP asignada', autoRule: 'field:ip' },
	{ stage: 'asignada', label: 'Técnico asignado', autoRule: 'field:technician' },
	{ stage: 'asignada', label: 'Servicios adicionales capturados (telefonía / TV)', autoRule: null },
	{ stage: 'asignada', label: 'Hoja de instalación entregada al técnico', autoRule: null },
	{ stage: 'firmada', label: 'Hoja de instalación firmada', autoRule: 'field:sheetSigned' },
	{ stage: 'firmada', label: 'Contrato firmado', autoRule: 'field:contractSigned' },
	{ stage: 'activa', label: 'Equipo instalado y datos del técnico capturados', autoRule: 'field:completed' }
];

export async function seedChecklistDefaults(db: Executor, orgId: string): Promise<void> {
	await checklistTemplates.insertMany(db, orgId, DEFAULT_CHECKLIST);
}
