import { z } from 'zod';

/**
 * The agent's call (process 3) as steps ticked during the call. `{proveedor}` and `{asesor}`
 * are replaced with the provider's and the signed-in agent's names.
 */
export const CALL_STEPS = [
	{
		key: 'saludo',
		title: 'Saludo',
		say: 'Hola, muy buenos días/tardes. Se comunica a {proveedor}, servicio de internet. Le atiende {asesor}. ¿En qué puedo ayudarle?'
	},
	{
		key: 'cobertura',
		title: 'Verificar cobertura',
		say: 'Pregunte la dirección exacta o pida su ubicación en tiempo real; confirme la cobertura y si será inalámbrico o fibra.'
	},
	{
		key: 'activar',
		title: 'Activar preinstalación',
		say: 'Con cobertura confirmada y el cliente interesado, continúe con los datos y el plan.'
	},
	{
		key: 'costos',
		title: 'Costo de instalación y planes',
		say: 'Explique el costo de instalación más la primera mensualidad y la promoción si aplica.'
	},
	{
		key: 'plan',
		title: 'Recomendar plan',
		say: 'Recomiende según el uso: básico (navegar, redes), intermedio (videollamadas, Netflix), alto rendimiento (4K, juegos).'
	},
	{ key: 'adicionales', title: 'Servicios adicionales', say: '¿Desea solo internet o también televisión o telefonía?' },
	{
		key: 'contrato',
		title: 'Contrato a 12 meses',
		say: '¿Acepta contrato a 12 meses? Si contrata por 12 meses, no podrá cancelar antes de tiempo.'
	},
	{ key: 'objeciones', title: 'Objeciones', say: 'Si tiene dudas de precio, condiciones o instalación, responda con seguridad y empatía.' },
	{
		key: 'documentos',
		title: 'Documentos y datos',
		say: 'Pida por WhatsApp: INE por ambos lados, comprobante de domicilio, correo, teléfono adicional, cómo se enteró, ubicación y si la casa es propia o rentada.'
	},
	{
		key: 'condiciones',
		title: 'Condiciones especiales',
		say: 'Edificio: ¿hay acceso a la azotea (llave)? Un cruce de fibra entre edificios tiene costo y se anota en la orden. El módem debe quedar cerca de una toma de corriente.'
	},
	{
		key: 'deposito',
		title: 'Depósito en garantía',
		say: 'Explique lo que paga según el contrato y las condiciones para devolver la garantía.'
	},
	{ key: 'anexar', title: 'Anexar servicios', say: 'Verifique plan, adicionales, datos del cliente y documentos.' },
	{
		key: 'resumen',
		title: 'Repetir plan y servicios',
		say: 'Repita al cliente el plan, los servicios contratados y la fecha de instalación.'
	},
	{ key: 'cierre', title: 'Cierre', say: 'Gracias por su preferencia, le atendió {asesor}. Que tenga un excelente día.' }
] as const;

export type CallStepKey = (typeof CALL_STEPS)[number]['key'];
export const CALL_STEP_KEYS = CALL_STEPS.map((s) => s.key) as CallStepKey[];

export const scriptTickSchema = z.object({
	step: z.enum(CALL_STEP_KEYS as [CallStepKey, ...CallStepKey[]], { error: 'Ese paso del guion no existe: recarga la tarjeta.' }),
	done: z.boolean({ error: 'Marca o desmarca el paso.' })
});

/** Ticked steps as stored in installations.call_script. */
export type CallScriptState = Partial<Record<CallStepKey, { by: string; byName?: string; at: string }>>;

export function fillScript(text: string, names: { provider: string; agent: string }): string {
	return text.replaceAll('{proveedor}', names.provider).replaceAll('{asesor}', names.agent);
}

export function pendingSteps(state: CallScriptState | null | undefined): CallStepKey[] {
	return CALL_STEP_KEYS.filter((k) => !state?.[k]);
}
