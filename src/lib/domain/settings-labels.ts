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
	displaySummaryMinutes: 'resumen en la pantalla'
};

export const settingsLabel = (key: string): string => SETTINGS_LABELS[key] ?? key;
