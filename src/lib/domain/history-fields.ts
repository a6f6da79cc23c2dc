/**
 * THE registry of what a card's history can show: every field a service writes to card_history
 * (and the stage moves) has here its label in both languages and how its values read. The
 * history service resolves ids to names first (plans, zones, people); nothing here reaches the
 * database. `history-fields.spec.ts` fails when a field written to history has no entry.
 */
import type { CardField } from '$lib/schemas/card';
import { CALL_STEPS } from '$lib/schemas/call-script';
import { CATEGORY_NAMES } from '$lib/schemas/files';
import { ADDON_KINDS } from '$lib/domain/addon-kinds';
import { MESSAGE_TEMPLATES } from '$lib/domain/message-templates';

export type HistoryLang = 'es' | 'en';

/** How a value reads. Ids (`plan`, `zone`, `user`, `planList`) are looked up in `names`. */
export type HistoryFormat =
	| 'text'
	| 'phone'
	| 'money'
	| 'date'
	| 'yesno'
	| 'done'
	| 'plan'
	| 'planList'
	| 'zone'
	| 'user'
	| 'stage'
	| 'contractType'
	| 'houseOwnership'
	| 'coverage'
	| 'file'
	| 'signature'
	| 'contractDates'
	| 'addon'
	| 'callOutcome'
	| 'dateTime'
	| 'secret';

export interface HistoryField {
	es: string;
	en: string;
	format: HistoryFormat;
}

const f = (es: string, en: string, format: HistoryFormat = 'text'): HistoryField => ({ es, en, format });

/** The card's own fields (CARD_FIELDS), as the panel edits them. */
const CARD: Record<CardField, HistoryField> = {
	fullName: f('Nombre', 'Name'),
	phone: f('Teléfono', 'Phone', 'phone'),
	phoneAlt: f('Teléfono adicional', 'Additional phone', 'phone'),
	email: f('Correo', 'Email'),
	addrSm: f('SM (supermanzana)', 'SM (super block)'),
	addrMz: f('MZ (manzana)', 'MZ (block)'),
	addrLt: f('LT (lote)', 'LT (lot)'),
	addrExt: f('Número exterior', 'Street number'),
	addrInt: f('Número interior', 'Unit number'),
	addrBuilding: f('Edificio', 'Building'),
	addrStreet: f('Calle', 'Street'),
	addrColonia: f('Fraccionamiento o colonia', 'Neighbourhood'),
	addrCity: f('Ciudad o municipio', 'City'),
	howHeard: f('Cómo se enteró', 'How they heard of us'),
	houseOwnership: f('Casa', 'Home', 'houseOwnership'),
	rooftopAccess: f('Acceso a la azotea', 'Rooftop access', 'yesno'),
	rooftopKey: f('Llave de la azotea', 'Rooftop key'),
	fiberCrossing: f('Cruce de fibra entre edificios', 'Fiber crossing between buildings', 'yesno'),
	fiberCrossingNote: f('Nota del cruce de fibra', 'Fiber crossing note'),
	modemNearOutlet: f('Módem cerca de un contacto', 'Modem near a power outlet', 'yesno'),
	comments: f('Comentarios', 'Comments'),
	installationDate: f('Fecha de instalación', 'Installation date', 'date'),
	installationTime: f('Hora de instalación', 'Installation time'),
	installationCost: f('Costo de instalación', 'Installation cost', 'money'),
	planId: f('Plan', 'Plan', 'plan'),
	contractType: f('Tipo de contrato', 'Contract type', 'contractType'),
	customerAccepted: f('Aceptación del cliente', 'Customer acceptance', 'yesno'),
	accepted12m: f('Aceptó contrato a 12 meses', 'Accepted 12-month contract', 'yesno'),
	promotionFreeInstallation: f('Instalación gratis (promoción)', 'Free installation (promotion)', 'yesno'),
	addonPlanIds: f('Servicios adicionales elegidos', 'Add-ons chosen', 'planList'),
	cpeMac: f('MAC del equipo', 'CPE MAC'),
	onuSerial: f('Serie de la ONU', 'ONU serial'),
	routerModel: f('Router', 'Router'),
	signalNotes: f('Señal', 'Signal'),
	dni: f('DNI', 'DNI')
};

/** Fields the scheduling, connection, coverage and lead services write (their column names). */
const OTHER_FIELDS: Record<string, HistoryField> = {
	created: f('Alta de la tarjeta', 'Card created'),
	coverage: f('Cobertura', 'Coverage', 'coverage'),
	zone_id: f('Zona', 'Zone', 'zone'),
	installation_date: f('Fecha de instalación', 'Installation date', 'date'),
	installation_time: f('Hora de instalación', 'Installation time'),
	technician_id: f('Técnico', 'Technician', 'user'),
	ip: f('IP', 'IP address'),
	pppoe_user: f('Usuario PPPoE', 'PPPoE user'),
	pppoe_password: f('Contraseña PPPoE', 'PPPoE password', 'secret'),
	wifi_password: f('Contraseña Wi-Fi', 'Wi-Fi password', 'secret'),
	wifi_name: f('Red Wi-Fi', 'Wi-Fi network'),
	external_id: f('ID externo', 'External ID'),
	plan_id: f('Plan de internet', 'Internet plan', 'plan'),
	devolucion_deposito: f('Devolución del depósito', 'Deposit refund'),
	duplicado: f('Posible duplicado', 'Possible duplicate'),
	importado: f('Importado de un archivo', 'Imported from a file'),
	pago: f('Pago', 'Payment'),
	arco: f('Datos personales eliminados (ARCO), motivo', 'Personal data erased (ARCO), reason')
};

const FILE_EN: Record<string, string> = {
	ine_frontal: 'ID card (front)',
	ine_atras: 'ID card (back)',
	comprobante_domicilio: 'Proof of address',
	confirmacion_12_meses: '12-month contract confirmation',
	foto_instalacion: 'Installation photo',
	otro: 'Other file',
	contrato_pdf: 'Signed contract',
	hoja_instalacion_pdf: 'Signed installation sheet'
};

const DOCS = { contrato: ['Contrato', 'Contract'], hoja_instalacion: ['Hoja de instalación', 'Installation sheet'] } as const;

/** Every entry, keyed `field` for the card's data and `<kind>:<field>` for the other kinds. */
export const HISTORY_FIELDS: Record<string, HistoryField> = {
	...CARD,
	...OTHER_FIELDS,
	stage: f('Etapa', 'Stage', 'stage'),
	...Object.fromEntries(Object.entries(CATEGORY_NAMES).map(([k, es]) => [`file:${k}`, f(es, FILE_EN[k] ?? es, 'file')])),
	...Object.fromEntries(
		Object.entries(DOCS).map(([k, [es, en]]) => [`signature:${k}`, f(`Firma: ${es}`, `Signature: ${en}`, 'signature')])
	),
	'document:contrato': f('Datos del contrato', 'Contract data', 'contractDates'),
	...Object.fromEntries(
		ADDON_KINDS.map((a) => [`service:${a.key}`, f(a.label, a.key === 'telefonia' ? 'Telephony' : 'Television', 'addon')])
	),
	'service:producto': f('Producto', 'Product'),
	'call:resultado': f('Llamada', 'Call', 'callOutcome'),
	'call:nota': f('Nota de la llamada', 'Call note'),
	'call:proxima_llamada': f('Volver a llamar', 'Call again', 'dateTime'),
	'message:whatsapp_api': f('Mensaje por WhatsApp Business', 'WhatsApp Business message'),
	...Object.fromEntries(CALL_STEPS.map((s) => [`checklist:guion:${s.key}`, f(`Guion: ${s.title}`, `Call script: ${s.title}`, 'done')])),
	// A message to the customer reads «Mensaje enviado: recordatorio del día anterior: WhatsApp a 998 123 4567».
	...Object.fromEntries(
		MESSAGE_TEMPLATES.map((t) => [
			`message:${t.key}`,
			f(`Mensaje enviado: ${t.es.toLocaleLowerCase('es-MX')}`, `Message sent: ${t.en.toLowerCase()}`)
		])
	)
};

/** The registry key of one history row. */
export function historyKey(kind: string, field: string | null): string {
	if (kind === 'stage') return 'stage';
	if (kind === 'field') return field ?? '';
	return `${kind}:${field ?? ''}`;
}

/**
 * The entry for a row. A hand-ticked checklist item is written under its template's own label
 * (the admin's words, not a key), so every such row reads as that label.
 */
export function historyField(kind: string, field: string | null): HistoryField | null {
	const entry = HISTORY_FIELDS[historyKey(kind, field)];
	if (entry) return entry;
	if (kind === 'checklist' && field && !field.startsWith('guion:')) return f(field, field, 'done');
	return null;
}

/** Who acted when no staff member did: the customer signing through the link. */
export const HISTORY_CUSTOMER: Record<HistoryLang, string> = { es: 'El cliente', en: 'The customer' };

/** Where a change was made (card_history.source), in the reader's language. */
export const HISTORY_SOURCES: Record<string, Record<HistoryLang, string>> = {
	tarjeta: { es: 'la tarjeta', en: 'the card' },
	tablero: { es: 'el tablero', en: 'the board' },
	tecnico: { es: 'el teléfono del técnico', en: "the technician's phone" },
	calendario: { es: 'el calendario', en: 'the calendar' },
	enlace: { es: 'el enlace de firma', en: 'the signing link' },
	solicitud: { es: 'el formulario público', en: 'the public form' },
	ventas: { es: 'ventas', en: 'sales' },
	web: { es: 'la web', en: 'the website' },
	cambaceo: { es: 'cambaceo (puerta a puerta)', en: 'door-to-door sales' },
	otro: { es: 'otro medio', en: 'another channel' },
	importacion: { es: 'una importación', en: 'an import' }
};
