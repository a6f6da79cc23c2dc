/**
 * THE registry of the messages the office (and the technician, «en camino») sends to a customer
 * (DOMAIN.md «Messages to the customer»): each kind with its names, the stages it fits and its
 * default Spanish text. The provider may rewrite a text in Ajustes → Mensajes (stored in
 * organizations.settings.messageTemplates, only the changed ones); the variables are the ones
 * listed here and nothing else. The renderer is in message-render.ts.
 */
import type { Stage } from './stage-registry';

/** Every variable a text may use, as written between braces, with what it reads in Spanish. */
export const MESSAGE_VARIABLES = {
	cliente: 'el nombre del cliente',
	proveedor: 'el nombre del proveedor',
	asesor: 'el nombre de quien envía',
	fecha_instalacion: 'la fecha de instalación',
	hora: 'la hora de instalación',
	monto: 'el monto del primer cobro (zona, fecha y plan)',
	deposito: 'el depósito en garantía',
	link_firma: 'el enlace de firma (contrato u hoja de instalación sin firmar)',
	documentos_faltantes: 'los documentos que faltan',
	tecnico: 'el técnico asignado',
	red_wifi: 'el nombre de la red Wi-Fi',
	clave_wifi: 'la contraseña Wi-Fi'
} as const;

export type MessageVariable = keyof typeof MESSAGE_VARIABLES;
export const MESSAGE_VARIABLE_KEYS = Object.keys(MESSAGE_VARIABLES) as MessageVariable[];
export const isMessageVariable = (name: string): name is MessageVariable => Object.hasOwn(MESSAGE_VARIABLES, name);

export interface MessageTemplate {
	key: string;
	es: string;
	en: string;
	/** The stages whose cards are offered this message. */
	stages: readonly Stage[];
	/** Only the technician of the job sends it, from their phone (the office may too). */
	technician?: boolean;
	text: string;
}

export const MESSAGE_TEMPLATES = [
	{
		key: 'llamada_perdida',
		es: 'Saludo tras llamada perdida',
		en: 'Greeting after a missed call',
		stages: ['preinstalacion', 'cobertura_confirmada', 'documentos_pendientes'],
		text: 'Hola {cliente}, le saluda {asesor} de {proveedor}. Intentamos llamarle para continuar con su solicitud de internet. ¿A qué hora le podemos marcar? También puede respondernos por aquí.'
	},
	{
		key: 'documentos',
		es: 'Documentos por enviar',
		en: 'Documents to send',
		stages: ['cobertura_confirmada', 'documentos_pendientes'],
		text: 'Hola {cliente}, para continuar con su instalación de internet con {proveedor} le pedimos enviarnos por este medio:\n{documentos_faltantes}\nGracias, le atiende {asesor}.'
	},
	{
		key: 'montos',
		es: 'Montos y depósito',
		en: 'Amounts and deposit',
		stages: ['documentos_pendientes', 'agendada', 'asignada'],
		text: 'Hola {cliente}, el pago el día de su instalación con {proveedor} es de {monto}. El depósito en garantía es de {deposito} y se devuelve al terminar el contrato con su última factura pagada y el módem y eliminador entregados. Cualquier duda, le atiende {asesor}.'
	},
	{
		key: 'confirmacion_fecha',
		es: 'Confirmación de fecha',
		en: 'Date confirmation',
		stages: ['agendada', 'asignada'],
		text: 'Hola {cliente}, le confirmamos su instalación de internet con {proveedor} el {fecha_instalacion}, {hora}. El pago ese día es de {monto}. Le atiende {asesor}.'
	},
	{
		key: 'recordatorio',
		es: 'Recordatorio',
		en: 'Reminder',
		stages: ['agendada', 'asignada'],
		text: 'Hola {cliente}, le recordamos que mañana {fecha_instalacion}, {hora}, vamos a instalar su internet de {proveedor}. Por favor tenga listo el pago de {monto} y que haya alguien en casa. ¡Gracias!'
	},
	{
		key: 'en_camino',
		es: 'El técnico va en camino',
		en: 'The technician is on the way',
		stages: ['asignada'],
		technician: true,
		text: 'Hola {cliente}, soy {tecnico}, técnico de {proveedor}. Voy en camino a su domicilio para instalar su internet.'
	},
	{
		key: 'link_firma',
		es: 'Enlace de firma',
		en: 'Signing link',
		stages: ['documentos_pendientes', 'agendada', 'asignada', 'firmada'],
		text: 'Hola {cliente}, le saludamos de {proveedor}. Para firmar su documento abra este enlace: {link_firma}'
	},
	{
		key: 'bienvenida',
		es: 'Bienvenida con datos del Wi-Fi',
		en: 'Welcome with the Wi-Fi details',
		stages: ['activa'],
		text: '¡Bienvenido a {proveedor}, {cliente}! Su internet ya está activo.\nRed Wi-Fi: {red_wifi}\nContraseña: {clave_wifi}\nGuarde este mensaje. Para cualquier duda escríbanos por aquí.'
	}
] as const satisfies readonly MessageTemplate[];

export type MessageTemplateKey = (typeof MESSAGE_TEMPLATES)[number]['key'];
export const MESSAGE_TEMPLATE_KEYS = MESSAGE_TEMPLATES.map((t) => t.key) as [MessageTemplateKey, ...MessageTemplateKey[]];

const BY_KEY = new Map<string, MessageTemplate>(MESSAGE_TEMPLATES.map((t) => [t.key, t]));
export const isMessageTemplateKey = (key: unknown): key is MessageTemplateKey => typeof key === 'string' && BY_KEY.has(key);
export const messageTemplate = (key: MessageTemplateKey): MessageTemplate => BY_KEY.get(key)!;

/** The provider's rewritten texts, by template; a template not in it reads its default. */
export type MessageTexts = Partial<Record<MessageTemplateKey, string>>;

export const templateText = (key: MessageTemplateKey, texts: MessageTexts | undefined): string => texts?.[key] ?? messageTemplate(key).text;

/** The templates offered on a card at `stage`; a technician is offered only the ones they send. */
export function templatesFor(stage: string, technician: boolean): MessageTemplate[] {
	return MESSAGE_TEMPLATES.filter((t) => (t.stages as readonly string[]).includes(stage) && (!technician || 'technician' in t));
}

/** The names between braces a text uses, in order of first appearance. */
export function variablesIn(text: string): string[] {
	return [...new Set([...text.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1]))];
}

/** The names between braces that are not variables: the settings page refuses the text by them. */
export const unknownVariables = (text: string): string[] => variablesIn(text).filter((v) => !isMessageVariable(v));
