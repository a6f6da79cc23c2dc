/**
 * The contract as the provider writes it: ordered clauses (a title and a text) with
 * {{variables}} filled from the card. Filling gives plain text; the document components render
 * it as text (escaped), so neither the card's data nor the template can inject markup.
 */
import { addMonths, formatDateLong, isCivilDate, type CivilDate } from './dates';
import { formatMXN } from './money';

export interface Clause {
	title: string;
	text: string;
}

export type ContractType = '12_meses' | 'indefinido';

/** Every variable a clause may use; the editor lists them and saving refuses any other. */
export const CONTRACT_VARIABLES = [
	'cliente.nombre',
	'cliente.telefono',
	'cliente.correo',
	'domicilio',
	'plan.nombre',
	'plan.precio',
	'servicios',
	'instalacion.costo',
	'primer_cobro',
	'deposito',
	'plazo',
	'contrato.inicio',
	'contrato.fin',
	'penalizacion',
	'fecha',
	'proveedor.nombre',
	'folio'
] as const;
export type ContractVariable = (typeof CONTRACT_VARIABLES)[number];
export type ContractValues = Record<ContractVariable, string>;

const KNOWN = new Set<string>(CONTRACT_VARIABLES);
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function variablesIn(text: string): string[] {
	return [...text.matchAll(VARIABLE)].map((m) => m[1]);
}

/** The variables used in the clauses that do not exist, each once, in the order they appear. */
export function unknownVariables(clauses: readonly Clause[]): string[] {
	const out = new Set<string>();
	for (const c of clauses) for (const v of variablesIn(`${c.title}\n${c.text}`)) if (!KNOWN.has(v)) out.add(v);
	return [...out];
}

export function unknownVariablesMessage(unknown: readonly string[]): string {
	const list = unknown.map((v) => `{{${v}}}`).join(', ');
	return unknown.length === 1
		? `La variable ${list} no existe. Usa solo las de la lista.`
		: `Estas variables no existen: ${list}. Usa solo las de la lista.`;
}

/** One pass: a value that itself looks like {{a variable}} stays as written. */
export function fillTemplate(text: string, values: ContractValues): string {
	return text.replace(VARIABLE, (whole, key: string) => (KNOWN.has(key) ? values[key as ContractVariable] : whole));
}

/** What the contract needs to know about the card, already read and composed. */
export interface ContractFacts {
	customerName: string;
	phone: string | null;
	email: string | null;
	address: string | null;
	planName: string | null;
	planPriceCents: number | null;
	/** One line per add-on service, e.g. «Telefonía (Renta telefónica 300 minutos)». */
	addons: string[];
	installationCostCents: number;
	/** The free-installation promotion chosen during the call: the installation reads $0.00. */
	freeInstallation?: boolean;
	/** The first charge in one line (services/billing's computation), or what it still lacks. */
	firstCharge?: string;
	depositCents: number;
	contractType: ContractType;
	startDate: CivilDate | null;
	endDate: CivilDate | null;
	installationDate: CivilDate | null;
	/** Penalty for cancelling before the end of the term; 0 = none. */
	penaltyCents: number;
	today: CivilDate;
	provider: string;
	folio: number;
}

const full = (d: CivilDate | null) => (d && isCivilDate(d) ? formatDateLong(d, 'es') : null);

/** The values are Spanish, like the provider's clauses they complete. */
export function contractValues(f: ContractFacts): ContractValues {
	const start = f.startDate ?? f.installationDate;
	const twelve = f.contractType === '12_meses';
	const end = f.endDate ?? (twelve && start && isCivilDate(start) ? addMonths(start, 12) : null);
	return {
		'cliente.nombre': f.customerName,
		'cliente.telefono': f.phone ?? '(sin teléfono)',
		'cliente.correo': f.email ?? '(sin correo)',
		domicilio: f.address || '(domicilio por completar)',
		'plan.nombre': f.planName ?? '(plan por definir)',
		'plan.precio': f.planPriceCents === null ? '(precio por definir)' : formatMXN(f.planPriceCents),
		servicios: f.addons.length ? f.addons.join('; ') : 'ninguno',
		'instalacion.costo': f.freeInstallation
			? `${formatMXN(0)} (gratis por promoción; costo normal ${formatMXN(f.installationCostCents)})`
			: formatMXN(f.installationCostCents),
		primer_cobro: f.firstCharge ?? 'por confirmar',
		deposito: formatMXN(f.depositCents),
		plazo: twelve ? '12 meses' : 'indefinido',
		'contrato.inicio': full(start) ?? 'la fecha de instalación',
		'contrato.fin': twelve ? (full(end) ?? '12 meses después de la fecha de instalación') : 'tiempo indefinido',
		penalizacion: f.penaltyCents > 0 ? formatMXN(f.penaltyCents) : 'sin penalización',
		fecha: formatDateLong(f.today, 'es'),
		'proveedor.nombre': f.provider,
		folio: String(f.folio)
	};
}

/** The variables of the first contract editor (single braces) and what they are called now. */
const LEGACY: Record<string, ContractVariable> = {
	cliente: 'cliente.nombre',
	direccion: 'domicilio',
	telefono: 'cliente.telefono',
	correo: 'cliente.correo',
	plan: 'plan.nombre',
	precio: 'plan.precio',
	deposito: 'deposito',
	costo_instalacion: 'instalacion.costo',
	tipo_contrato: 'plazo',
	fecha_inicio: 'contrato.inicio',
	fecha_fin: 'contrato.fin',
	proveedor: 'proveedor.nombre',
	folio: 'folio',
	fecha: 'fecha'
};

/** A contract customised before clauses existed: one clause per paragraph, its variables renamed. */
export function legacyClauses(body: string): Clause[] {
	return body
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p, i) => ({
			title: `Cláusula ${i + 1}`,
			text: p.replace(/\{([a-z_]+)\}/g, (whole, key: string) => (key in LEGACY ? `{{${LEGACY[key]}}}` : whole))
		}));
}
