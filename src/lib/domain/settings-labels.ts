/**
 * Readable names of the organisation's settings, for the audit log's «Ajustes cambiados» row. A
 * setting without a name here is shown by its key (a test lists the known ones).
 */
export const SETTINGS_LABELS: Record<string, string> = {
	name: 'nombre del proveedor',
	timeZone: 'zona horaria',
	installationCostCents: 'costo de instalación',
	depositCents: 'depósito en garantía',
	promotionFreeInstallation: 'promoción de instalación gratis',
	wifiSuffix: 'sufijo de la contraseña Wi-Fi',
	sipServer: 'servidor SIP',
	cities: 'ciudades',
	howHeard: 'cómo se enteró',
	objectionSnippets: 'respuestas a objeciones',
	sla: 'tiempos por etapa',
	wipLimits: 'límites por columna',
	activeVisibleDays: 'días visibles en «activa»',
	contractRequiredFor: 'contratos que requieren firma',
	requiredEquipmentFields: 'datos de equipo obligatorios',
	technicianDailyCapacity: 'trabajos por técnico al día',
	signingLinkDays: 'vigencia de los enlaces de firma',
	uploadMaxMb: 'tamaño máximo de archivo',
	proration: 'reglas de prorrateo',
	followUp: 'seguimiento de prospectos',
	messageTemplates: 'textos de los mensajes al cliente',
	displaySummaryMinutes: 'resumen en la pantalla',
	privacy: 'retención de documentos de cancelados'
};

/** The same names in English, for an admin reading the log in English. */
export const SETTINGS_LABELS_EN: Record<string, string> = {
	name: "provider's name",
	timeZone: 'time zone',
	installationCostCents: 'installation cost',
	depositCents: 'security deposit',
	promotionFreeInstallation: 'free installation promotion',
	wifiSuffix: 'Wi-Fi password suffix',
	sipServer: 'SIP server',
	cities: 'cities',
	howHeard: 'how they heard about us',
	objectionSnippets: 'answers to objections',
	sla: 'times per stage',
	wipLimits: 'limits per column',
	activeVisibleDays: 'days visible in “active”',
	contractRequiredFor: 'contracts that need signing',
	requiredEquipmentFields: 'required equipment data',
	technicianDailyCapacity: 'jobs per technician per day',
	signingLinkDays: 'signing links’ validity',
	uploadMaxMb: 'largest file size',
	proration: 'proration rules',
	followUp: 'lead follow-up',
	messageTemplates: 'texts of the messages to customers',
	displaySummaryMinutes: 'summary on the screen',
	privacy: 'retention of cancelled customers’ documents'
};

export const settingsLabel = (key: string): string => SETTINGS_LABELS[key] ?? key;
